namespace RetailInsights.Web.Sources.Pulls;

/// <summary>How a pull proves who it is to the retailer's API.</summary>
public static class EndpointAuth
{
    public const string None = "none";

    /// <summary>A key in a header of the API's choosing (X-Api-Key, …).</summary>
    public const string ApiKey = "api-key";

    /// <summary>Authorization: Bearer &lt;token&gt;.</summary>
    public const string Bearer = "bearer";

    /// <summary>Authorization: Basic, from a user name and password.</summary>
    public const string Basic = "basic";

    public static readonly IReadOnlyList<string> All = [None, ApiKey, Bearer, Basic];

    public static bool NeedsSecret(string auth) => auth != None;

    /// <summary>What the secret is called for this kind of authentication, in words for the admin.</summary>
    public static string SecretName(string auth) => auth switch
    {
        ApiKey => "API key",
        Bearer => "bearer token",
        Basic => "password",
        _ => "secret",
    };
}
