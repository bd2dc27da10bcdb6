namespace RetailInsights.Web.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (form posts) per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Upload API requests per client address per minute.</summary>
    public int ApiPerMinute { get; set; } = 120;

    /// <summary>Live event requests per client address per minute: a till gateway posts several batches a second.</summary>
    public int EventsPerMinute { get; set; } = 6000;

    /// <summary>Upload API requests (files and status) per API key per minute, whatever address they come from.</summary>
    public int ApiPerKeyPerMinute { get; set; } = 120;

    /// <summary>Live event requests per API key per minute: 50 batches a second.</summary>
    public int EventsPerKeyPerMinute { get; set; } = 3000;

    /// <summary>Health probes (<c>/healthz</c>) per client address per minute: a probe a second, with room to spare.</summary>
    public int HealthPerMinute { get; set; } = 120;
}
