using Microsoft.AspNetCore.Diagnostics;

namespace RetailInsights.Web.Components.Errors;

/// <summary>What a person sees when a request fails (500, Production) or asks for nothing (404).</summary>
public static class ErrorPages
{
    public const string ErrorPath = "/error";
    public const string NotFoundPath = "/not-found";

    /// <summary>
    /// A page request that finds nothing shows the not-found page with its 404. Only pages: an API client, the
    /// Hangfire dashboard or a form post keeps the answer its endpoint gave, and other statuses keep theirs.
    /// </summary>
    public static void UseNotFoundPage(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status404NotFound || !IsPageRequest(context.Request))
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        });
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/hangfire")
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/_framework");
}
