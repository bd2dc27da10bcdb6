using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>How far one pull may go, and how it retries an API that stumbles (section "Pulls").</summary>
public sealed class PullOptions
{
    public const string Section = "Pulls";

    /// <summary>The schedule a new endpoint gets (hourly, UTC).</summary>
    public string DefaultSchedule { get; set; } = "0 * * * *";

    /// <summary>Records one pull fetches before it stops paging (rounded up to a whole page); the next pull carries on.</summary>
    public int MaxRecordsPerPull { get; set; } = 50_000;

    /// <summary>Bytes of records one pull stages before it stops paging; the next pull carries on.</summary>
    public long MaxBytesPerPull { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest answer of one page, read no further: past it the pull fails.</summary>
    public int MaxPageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>One request's time limit (a timeout is retried like a 503).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time one pull may spend paging; past it, the whole pages fetched so far load and the next pull carries on.</summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tries of one request before the pull fails (timeouts, 408, 429, 5xx and lost connections are retried).</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>The first back-off; each further one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries, a Retry-After included: an API asking for longer is tried again at the next pull.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Host names, IP addresses and CIDR ranges that pulls may reach although they are not public (loopback, private,
    /// link-local…), each opened deliberately by an admin: a list, or one value separated by ';' (see <see cref="PullAllowance"/>).
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Opens the private and carrier-grade NAT ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) for systems on the site.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <exception cref="FormatException">An entry of <see cref="AllowedHosts"/> is not a host, address or range.</exception>
    public PullAllowance Allowance() => PullAllowance.Parse(AllowedHosts, AllowPrivateNetworks);
}

/// <summary>A mistyped allowed host stops the start with a message naming it, rather than leaving the endpoint refused.</summary>
internal sealed class PullOptionsValidator : IValidateOptions<PullOptions>
{
    public ValidateOptionsResult Validate(string? name, PullOptions options)
    {
        try
        {
            options.Allowance();
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
