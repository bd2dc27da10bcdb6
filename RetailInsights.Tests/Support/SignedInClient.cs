using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Support;

/// <summary>Signs in through the real sign-in form (antiforgery token, cookie), as a person's browser does.</summary>
public static partial class SignedInClient
{
    public const string Password = "Test-password-42!";

    public static HttpClient Anonymous(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client that sends a new API key (named <paramref name="name"/> and a unique suffix), as a store system does.</summary>
    /// <param name="keyScope">What the key may do; null: full rights, as keys made before scopes.</param>
    public static async Task<HttpClient> WithApiKeyAsync(AppFactory app, string name, ApiKeyScope? keyScope = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"{name} {Guid.NewGuid():N}",
            keyScope ?? ApiKeyScope.Full, "test", CancellationToken.None);
        var client = Anonymous(app);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, secret);
        return client;
    }

    /// <summary>A client signed in as a new user holding <paramref name="role"/>.</summary>
    public static async Task<HttpClient> ForRoleAsync(AppFactory app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await CreateUserAsync(app, email, role);
        var client = Anonymous(app);
        var response = await PostSignInAsync(client, email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {response.StatusCode}");
        return client;
    }

    public static async Task CreateUserAsync(AppFactory app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
    }

    /// <summary>Fills and posts the sign-in form; a redirect means signed in, a page means refused.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenValue(form, "__RequestVerificationToken"),
            ["_handler"] = HiddenValue(form, "_handler"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    private static string HiddenValue(string html, string name)
    {
        foreach (Match tag in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(tag.Value)
                .ToDictionary(m => m.Groups["attribute"].Value, m => WebUtility.HtmlDecode(m.Groups["text"].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.GetValueOrDefault("name") == name)
                return attributes.GetValueOrDefault("value") ?? "";
        }
        throw new InvalidOperationException($"The sign-in form has no hidden field {name}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("\\b(?<attribute>name|value|type)=\"(?<text>[^\"]*)\"")]
    private static partial Regex Attribute();

}
