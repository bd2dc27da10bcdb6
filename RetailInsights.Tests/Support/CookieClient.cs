using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace RetailInsights.Tests.Support;

/// <summary>
/// An HTTP client that keeps cookies the way a browser's jar holds them (every cookie, whatever its flags, so a test
/// can read the flags the server set) and can send requests as a proxy would, from a chosen loopback address.
/// </summary>
public sealed partial class CookieClient(HttpClient http) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie header received, in order.</summary>
    public List<string> SetCookies { get; } = [];

    /// <summary>Headers added to every request, e.g. X-Forwarded-Proto from a proxy.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>Takes over another client's cookies, as if the same browser now reached another server.</summary>
    public void CopyCookiesFrom(CookieClient other)
    {
        foreach (var (name, value) in other._cookies)
            _cookies[name] = value;
    }

    public void AddHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
            Headers[name] = value;
    }

    /// <summary>A client of a real server whose connections come from <paramref name="source"/> (e.g. 127.0.0.2).</summary>
    public static CookieClient Connecting(Uri server, IPAddress source) => new(new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = server });

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in Headers.Concat(headers ?? new Dictionary<string, string>()))
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                request.Headers.Host = value;
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        if (_cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var setCookie in setCookies)
                Keep(setCookie);
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, headers: headers);

    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields,
        IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields), headers);

    /// <summary>Fills and posts the sign-in form as a browser would; a redirect means signed in.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password, IReadOnlyDictionary<string, string>? headers = null) =>
        SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, headers);

    /// <summary>Opens the page's form and posts it with these fields, its antiforgery token and form name, as a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IReadOnlyDictionary<string, string> fields,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var form = await (await GetAsync(path, headers)).Content.ReadAsStringAsync();
        var posted = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = HiddenValue(form, "__RequestVerificationToken"),
            ["_handler"] = HiddenValue(form, "_handler"),
        };
        return await PostFormAsync(path, posted, headers);
    }

    /// <summary>The Set-Cookie header that last set <paramref name="name"/> (a name ending in "." is a prefix).</summary>
    public string LastSetCookie(string name) =>
        SetCookies.LastOrDefault(c => c.StartsWith(name.EndsWith('.') ? name : name + "=", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No Set-Cookie for {name} among: {string.Join(" | ", SetCookies)}");

    public void Dispose() => http.Dispose();

    private void Keep(string setCookie)
    {
        SetCookies.Add(setCookie);
        var pair = setCookie.Split(';')[0];
        var equals = pair.IndexOf('=');
        var (name, value) = (pair[..equals], pair[(equals + 1)..]);
        if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            _cookies.Remove(name);
        else
            _cookies[name] = value;
    }

    private static string HiddenValue(string html, string name) =>
        HiddenInput().Matches(html).Select(m => m.Value)
            .Where(tag => tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            .Select(tag => WebUtility.HtmlDecode(ValueAttribute().Match(tag).Groups[1].Value))
            .FirstOrDefault() ?? throw new InvalidOperationException($"The page has no hidden field {name}");

    [GeneratedRegex("<input\\b[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
