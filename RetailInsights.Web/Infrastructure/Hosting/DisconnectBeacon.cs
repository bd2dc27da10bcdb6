using Microsoft.AspNetCore.Http.Features;

namespace RetailInsights.Web.Infrastructure.Hosting;

/// <summary>
/// Answers the beacon a leaving page sends (<c>POST /_blazor/disconnect</c>) at once, then lets Blazor end the circuit.
/// Ending it disposes the page's components, and one that calls into JavaScript on the way out (a Plotly chart imports
/// its module when it is disposed before it was drawn) waits for a browser that has gone, until the call times out a
/// minute later. Meanwhile the unanswered beacon held one of the six connections a browser keeps to a host over
/// HTTP/1.1: after a few quick reloads of a dashboard, the next page's scripts queued behind them until those calls
/// timed out. A browser ignores a beacon's answer, so it is sent first, on a connection then closed; Blazor's work goes
/// on after it.
/// </summary>
public static class DisconnectBeacon
{
    public const string Path = "/_blazor/disconnect";

    /// <summary>The beacon's form is a circuit id: a few hundred bytes. A larger body is left to Blazor as it comes.</summary>
    private const long MaxFormBytes = 16 * 1024;

    public static void UseEarlyDisconnectAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
            || context.Request.ContentLength is not (> 0 and <= MaxFormBytes) || !context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }
        // Read now, while the connection is open; Blazor's own read then finds the form already there.
        await context.Request.ReadFormAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.Connection = "close";
        await context.Response.CompleteAsync();
        // What Blazor writes from here on has no one to read it.
        context.Features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        await next(context);
    });
}
