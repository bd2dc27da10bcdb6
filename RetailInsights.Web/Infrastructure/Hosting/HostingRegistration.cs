using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RetailInsights.Web.Infrastructure.Hosting;

/// <summary>
/// The outermost part of the pipeline: who the client really is behind a proxy, whether the request is HTTPS, and
/// what the browser is told about HTTPS (redirection, HSTS).
/// </summary>
public static class HostingRegistration
{
    public static void AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section);
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>(
            (forwarded, proxies) => ApplyTrustedProxies(forwarded, proxies.Value));
    }

    /// <summary>Forwarded headers first, so that rate limits, sign-in cookies and HSTS all see the real client.</summary>
    public static void UseHosting(this WebApplication app, string errorPath, Func<HttpContext, bool> mayRedirectToHttps)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
            return;
        app.UseExceptionHandler(errorPath, createScopeForErrors: true);
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.PlainHttp)
        {
            app.Logger.LogWarning(
                "Hosting:PlainHttp is on: serving without HTTPS redirection or HSTS, and sign-in cookies are not " +
                "marked Secure over HTTP. Passwords and sessions cross the network readable; use it only on a trusted LAN.");
            return;
        }
        app.UseHsts();
        app.UseWhen(mayRedirectToHttps, https => https.UseHttpsRedirection());
    }

    internal static void ApplyTrustedProxies(ForwardedHeadersOptions forwarded, ProxyOptions proxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = proxies.ForwardLimit;
        if (proxies.KnownProxies.Count == 0 && proxies.KnownNetworks.Count == 0)
            return; // ASP.NET Core's default: 127.0.0.0/8 and ::1, a proxy on the same machine.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var address in proxies.ProxyAddresses())
            forwarded.KnownProxies.Add(address);
        foreach (var network in proxies.ProxyNetworks())
            forwarded.KnownIPNetworks.Add(network);
    }
}
