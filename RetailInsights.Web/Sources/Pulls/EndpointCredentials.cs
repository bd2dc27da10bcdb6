using System.Net.Http.Headers;
using System.Text;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// The decrypted way in to one API, held only for the pull. A class, not a record: a record's generated ToString
/// would print the secret wherever the object is logged.
/// </summary>
public sealed class EndpointCredentials(string auth, string? header, string? user, string? secret)
{
    public static readonly EndpointCredentials None = new(EndpointAuth.None, null, null, null);

    public void Apply(HttpRequestMessage request)
    {
        switch (auth)
        {
            case EndpointAuth.ApiKey:
                request.Headers.TryAddWithoutValidation(header!, secret);
                break;
            case EndpointAuth.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                break;
            case EndpointAuth.Basic:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
                break;
        }
    }

    public override string ToString() => $"{auth} credentials";
}
