using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Security;

/// <summary>
/// Authenticates machine clients by the <c>X-Api-Key</c> header against the keys admins created; the key's scope comes
/// with it as claims (see <see cref="ApiKeyScope"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim naming the key that authenticated the call.</summary>
    public const string KeyIdClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.ToString() is not { Length: > 0 } secret)
            return AuthenticateResult.NoResult();
        var key = await keys.FindActiveAsync(secret, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"api:{key.Name}"),
                new Claim(KeyIdClaim, key.ApiKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. ApiKeyScope.Of(key).ToClaims(),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
