using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RetailInsights.Web.Sources.Pulls;

namespace RetailInsights.Tests.Support;

/// <summary>
/// A small retailer API on 127.0.0.1, real HTTP in the test process: GET /v1/sales gives the sales updated at or after
/// <c>since</c>, in order of <c>updated_at</c>, a page at a time (<c>page</c>/<c>per_page</c>, or <c>limit</c> and a
/// <c>next</c> link in the body or a Link header), and answers 401 to a request without this API's credentials.
/// </summary>
public sealed class RetailerApi : IAsyncDisposable
{
    public const string KeyHeader = "X-Retailer-Key";
    public const string Key = "key-7f3a9c";
    public const string Token = "token-2b8e41";
    public const string User = "puller";
    public const string Password = "pass-5d6c0e";

    private readonly WebApplication _app;

    private RetailerApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The records, in order of updated_at (each a flat JSON object).</summary>
    public List<Dictionary<string, object?>> Records { get; } = [];

    /// <summary>The authentication this API asks for (see <see cref="EndpointAuth"/>).</summary>
    public string Auth { get; set; } = EndpointAuth.None;

    /// <summary>How the next page is told: "pages", "body" (a next field) or "header" (a Link header).</summary>
    public string Paging { get; set; } = "pages";

    /// <summary>
    /// An answer in place of the page (1-based) when it gives one: a status with an optional Retry-After or Location,
    /// or a body that is not JSON; null serves the page.
    /// </summary>
    public Func<int, Fault?>? Faults { get; set; }

    /// <summary>Every request that passed the credentials check: its page number, in order.</summary>
    public ConcurrentQueue<int> PagesServed { get; } = new();

    public int Unauthorized => _unauthorized;

    private int _unauthorized;

    public sealed record Fault(HttpStatusCode Status, string? RetryAfter = null, string? Body = null, Uri? Location = null);

    public static async Task<RetailerApi> StartAsync()
    {
        RetailerApi? api = null;
        var (_, address) = await LoopbackServer.StartAsync(app =>
        {
            api = new RetailerApi(app);
            app.MapGet("/v1/sales", api.Serve);
        });
        api!.BaseUrl = new Uri(address, "/v1/sales");
        return api;
    }

    /// <summary>A sale as the marketplace writes it: its own field names, one line of an invoice, with an id and an update time.</summary>
    public void Add(string line, string receipt, string sku, int qty, decimal price, string soldAt, string? member, string store, string updatedAt) =>
        Records.Add(new Dictionary<string, object?>
        {
            ["line_id"] = line, ["receipt_no"] = receipt, ["sku"] = sku, ["qty"] = qty, ["unit_price"] = price, ["sold_at"] = soldAt,
            ["member_no"] = member, ["store_code"] = store, ["updated_at"] = updatedAt,
        });

    private IResult Serve(HttpContext context)
    {
        if (!Authorized(context.Request))
        {
            Interlocked.Increment(ref _unauthorized);
            return Results.Unauthorized();
        }
        var query = context.Request.Query;
        var size = int.Parse(query[Paging == "pages" ? "per_page" : "limit"].Single()!, CultureInfo.InvariantCulture);
        var offset = Paging == "pages"
            ? (int.Parse(query["page"].Single()!, CultureInfo.InvariantCulture) - 1) * size
            : query.ContainsKey("offset") ? int.Parse(query["offset"].Single()!, CultureInfo.InvariantCulture) : 0;
        var page = offset / size + 1;
        PagesServed.Enqueue(page);
        if (Faults?.Invoke(page) is { } fault)
        {
            if (fault.RetryAfter is { } wait)
                context.Response.Headers.RetryAfter = wait;
            if (fault.Location is { } location)
                context.Response.Headers.Location = location.AbsoluteUri;
            return fault.Body is { } body ? Results.Text(body, "application/json", Encoding.UTF8, (int)fault.Status) : Results.StatusCode((int)fault.Status);
        }
        var since = query["since"].SingleOrDefault();
        var matching = Records.Where(r => since is null || DateTimeOffset.Parse((string)r["updated_at"]!, CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(since, CultureInfo.InvariantCulture)).ToList();
        var records = matching.Skip(offset).Take(size).ToList();
        if (Paging == "pages")
            return Results.Json(new { data = records, page });
        var next = offset + size < matching.Count
            ? $"/v1/sales?{(since is null ? "" : "since=" + Uri.EscapeDataString(since) + "&")}limit={size}&offset={offset + size}"
            : null;
        if (Paging == "header")
        {
            if (next is not null)
                context.Response.Headers.Link = $"<{new Uri(BaseUrl, next)}>; rel=\"next\"";
            return Results.Json(new { data = records });
        }
        return Results.Json(new { data = records, next });
    }

    private bool Authorized(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return Auth switch
        {
            EndpointAuth.ApiKey => request.Headers[KeyHeader] == Key,
            EndpointAuth.Bearer => authorization == $"Bearer {Token}",
            EndpointAuth.Basic => authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")),
            _ => true,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
