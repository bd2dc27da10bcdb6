namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>
/// The two ways a retailer API hands out pages of the records changed since a cursor. <c>pages</c>:
/// <c>?since=&lt;cursor&gt;&amp;page=N&amp;per_page=M</c> (WooCommerce, GitHub), ending with a page shorter than M.
/// <c>next-link</c>: <c>?since=&lt;cursor&gt;&amp;limit=M</c>, then the <c>next</c> address the answer gives (a top-level
/// <c>next</c> field, or a <c>Link: &lt;…&gt;; rel="next"</c> header as Shopify and GitHub send), ending when there is none.
/// </summary>
public static class ApiPaging
{
    public const string Pages = "pages";
    public const string NextLink = "next-link";

    public static readonly IReadOnlyList<string> Styles = [Pages, NextLink];

    /// <summary>The first page's address: the base URL (its own query kept) with the cursor, page and size added.</summary>
    public static Uri First(Uri baseUrl, string paging, string sinceParameter, string? cursor, int pageSize) =>
        paging == Pages ? Page(baseUrl, sinceParameter, cursor, 1, pageSize)
            : With(baseUrl, (sinceParameter, cursor), ("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static Uri Page(Uri baseUrl, string sinceParameter, string? cursor, int page, int pageSize) =>
        With(baseUrl, (sinceParameter, cursor), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("per_page", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A next link, absolute or relative to the page it came on. Only on the base URL's own origin: the credentials go
    /// with every request, and a link elsewhere would hand them to another host.
    /// </summary>
    /// <exception cref="ApiPageException">The link is not an address, or points to another origin.</exception>
    public static Uri Next(Uri current, Uri baseUrl, string link)
    {
        if (!Uri.TryCreate(current, link, out var next) || next.Scheme is not ("http" or "https"))
            throw new ApiPageException($"the next link '{Shorten(link)}' is not an http(s) address");
        if (Uri.Compare(next, baseUrl, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new ApiPageException($"the next link goes to {next.GetLeftPart(UriPartial.Authority)}, not {baseUrl.GetLeftPart(UriPartial.Authority)}: " +
                "the credentials are only sent to the endpoint's own host");
        return next;
    }

    /// <summary>The target of <c>rel="next"</c> in Link header values (RFC 8288), or null.</summary>
    public static string? NextFromLinkHeader(IEnumerable<string> values)
    {
        foreach (var value in values)
            foreach (var part in value.Split(','))
            {
                var pieces = part.Split(';');
                var target = pieces[0].Trim();
                if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
                    continue;
                if (pieces.Skip(1).Select(p => p.Trim()).Any(p => p.Replace(" ", "") is "rel=\"next\"" or "rel=next"))
                    return target[1..^1];
            }
        return null;
    }

    private static Uri With(Uri baseUrl, params (string Name, string? Value)[] parameters)
    {
        var builder = new UriBuilder(baseUrl);
        var query = builder.Query.TrimStart('?');
        foreach (var (name, value) in parameters)
            if (value is not null)
                query += (query.Length == 0 ? "" : "&") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        builder.Query = query;
        return builder.Uri;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
