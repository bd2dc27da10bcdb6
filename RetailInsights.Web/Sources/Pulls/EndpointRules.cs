using System.Net;
using System.Text.RegularExpressions;
using RetailInsights.Core.Ingestion.Pulls;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>What an endpoint's settings may be, checked before they are saved.</summary>
public static partial class EndpointRules
{
    public const int MaxSecretLength = 4096;

    /// <summary>Headers HTTP itself owns; a key sent in one of them would break the request or be dropped.</summary>
    private static readonly string[] ReservedHeaders = ["Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Cookie"];

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$")]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"^[A-Za-z0-9_.\[\]-]{1,64}$")]
    private static partial Regex ParameterName();

    /// <exception cref="ArgumentException">The first setting that cannot be saved, in words for the admin.</exception>
    public static void Check(SourceEndpoint endpoint, bool hasSecret)
    {
        var url = Url(endpoint.BaseUrl);
        if (!ApiPaging.Styles.Contains(endpoint.Paging))
            throw new ArgumentException($"Paging is {string.Join(" or ", ApiPaging.Styles)}, not '{Shorten(endpoint.Paging)}'.");
        if (endpoint.PageSize is < 1 or > SourceEndpoint.MaxPageSize)
            throw new ArgumentException($"A page holds 1 to {SourceEndpoint.MaxPageSize} records (at most what the API gives per page), not {endpoint.PageSize}.");
        if (!ParameterName().IsMatch(endpoint.SinceParameter))
            throw new ArgumentException($"The cursor's query parameter is 1–64 letters, digits, '_', '.', '-' or brackets, not '{Shorten(endpoint.SinceParameter)}'.");
        if (endpoint.RecordsPath is { } path && (path.Length > 256 || path.Split('.').Any(string.IsNullOrWhiteSpace)))
            throw new ArgumentException($"The records path names fields joined by dots (data, result.items), not '{Shorten(path)}'.");
        if (string.IsNullOrWhiteSpace(endpoint.CursorField) || endpoint.CursorField.Length > 256)
            throw new ArgumentException("A pull needs the cursor field: the records' timestamp or id field (e.g. updated_at), at most 256 characters.");
        if (string.IsNullOrWhiteSpace(endpoint.Schedule) || endpoint.Schedule.Length > 100)
            throw new ArgumentException("A pull needs a schedule: a cron expression such as '0 * * * *' (hourly).");
        if (!EndpointAuth.All.Contains(endpoint.Auth))
            throw new ArgumentException($"Authentication is {string.Join(", ", EndpointAuth.All)}, not '{Shorten(endpoint.Auth)}'.");
        if (endpoint.Auth == EndpointAuth.ApiKey && (endpoint.AuthHeader is not { } header || !HeaderName().IsMatch(header)
                                                     || ReservedHeaders.Contains(header, StringComparer.OrdinalIgnoreCase)))
            throw new ArgumentException("An API key goes in a header: name it (e.g. X-Api-Key; letters, digits and - _ . only, not Host, Cookie or Content-*).");
        if (endpoint.Auth == EndpointAuth.Basic && (string.IsNullOrEmpty(endpoint.AuthUser) || endpoint.AuthUser.Length > 256
                                                    || endpoint.AuthUser.Contains(':') || endpoint.AuthUser.Any(char.IsControl)))
            throw new ArgumentException("Basic authentication needs a user name (at most 256 characters, no ':').");
        if (EndpointAuth.NeedsSecret(endpoint.Auth) && !hasSecret)
            throw new ArgumentException($"{endpoint.Auth} authentication needs the {EndpointAuth.SecretName(endpoint.Auth)}.");
        if (EndpointAuth.NeedsSecret(endpoint.Auth) && url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            throw new ArgumentException($"{url.GetLeftPart(UriPartial.Authority)} is plain http: the {EndpointAuth.SecretName(endpoint.Auth)} would cross the " +
                "network unencrypted. Use https:// (plain http only for an API on this machine).");
    }

    /// <exception cref="ArgumentException">The secret cannot go in a header.</exception>
    public static void CheckSecret(string secret)
    {
        if (secret.Length == 0 || secret.Length > MaxSecretLength || secret.Any(char.IsControl))
            throw new ArgumentException($"The secret is 1–{MaxSecretLength} characters without line breaks or control characters.");
    }

    public static Uri Url(string text)
    {
        if (text.Length > SourceEndpoint.MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"The base URL is an absolute http:// or https:// address (at most {SourceEndpoint.MaxUrlLength} characters), not '{Shorten(text)}'.");
        if (url.UserInfo.Length > 0)
            throw new ArgumentException("Credentials do not go in the URL (they would show on the page and in the uploads' history): choose basic authentication instead.");
        if (url.Fragment.Length > 0)
            throw new ArgumentException("The base URL has no #fragment: an API never sees it.");
        return url;
    }

    /// <summary>
    /// Whether two base URLs have the same scheme, host and port, so that a secret given for one may go to the other; a
    /// URL that is not an address shares no origin.
    /// </summary>
    public static bool SameOrigin(string? before, string? after) =>
        Uri.TryCreate(before, UriKind.Absolute, out var a) && Uri.TryCreate(after?.Trim(), UriKind.Absolute, out var b)
        && a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>The scheme, host and port of a base URL, as messages name it.</summary>
    public static string Origin(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : Shorten(baseUrl);

    /// <summary>The address without its query, as the uploads' history and the logs name it.</summary>
    public static string Display(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Path) : baseUrl;

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
