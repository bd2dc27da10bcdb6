using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>
/// Encrypts an endpoint's API key, token or password with ASP.NET Data Protection (the app's key ring, kept in the
/// database), bound to its source: a secret copied onto another source's row does not decrypt.
/// </summary>
public sealed class EndpointSecrets(IDataProtectionProvider provider)
{
    private const string Purpose = "RetailInsights.Sources.EndpointSecret.v1";

    public string Protect(string sourceCode, string secret) => provider.CreateProtector(Purpose, sourceCode).Protect(secret);

    /// <exception cref="PullFailedException">The key that encrypted it is gone; the message says what to do.</exception>
    public string Unprotect(string sourceCode, string protectedSecret)
    {
        try
        {
            return provider.CreateProtector(Purpose, sourceCode).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            throw new PullFailedException("the stored secret cannot be decrypted (the app's Data Protection keys changed): " +
                "enter it again on the Sources page");
        }
    }
}
