namespace RetailInsights.Web.Admin.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (form posts) per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Upload API requests per client address per minute.</summary>
    public int ApiPerMinute { get; set; } = 120;
}
