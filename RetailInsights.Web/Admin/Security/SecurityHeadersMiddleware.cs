namespace RetailInsights.Web.Admin.Security;

/// <summary>Headers that keep the app out of frames, stop MIME sniffing and limit where scripts come from.</summary>
public static class SecurityHeadersMiddleware
{
    // Blazor Server needs its WebSocket and inline styles; MudBlazor and Plotly set styles inline too.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-eval'; " +
        "connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

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
