namespace RetailInsights.Web.Infrastructure.Hosting;

/// <summary>How the app is reached: over HTTPS (directly or behind a TLS proxy), or over plain HTTP on a LAN.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// Serve a LAN over plain HTTP: no HTTPS redirection, no HSTS, cookies Secure only when the request is HTTPS.
    /// Passwords and cookies then cross the network readable; the app warns at start-up.
    /// </summary>
    public bool PlainHttp { get; set; }

    public static bool IsPlainHttp(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{Section}:{nameof(PlainHttp)}");
}
