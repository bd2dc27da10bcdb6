namespace RetailInsights.Web.Security;

/// <summary>Headers that keep the app out of frames, stop MIME sniffing and limit where scripts come from.</summary>
public static class SecurityHeadersMiddleware
{
    // Only the app's own origin: 'self' in connect-src covers Blazor's same-origin WebSocket (CSP level 3). MudBlazor
    // and Plotly set styles inline; nothing needs eval (the browser tests check for violations on the chart pages).
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The Hangfire dashboard writes inline scripts of its own; it is admin-only and keeps its defaults.
        if (!context.Request.Path.StartsWithSegments("/hangfire"))
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await next();
    });
}
