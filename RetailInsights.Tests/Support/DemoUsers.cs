using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using RetailInsights.Web.Admin.Commands;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Support;

/// <summary>The demo users, made by the real <c>demo-users</c> command, and signing in as one through the form.</summary>
public static partial class DemoUsers
{
    public const string Marketing = "marketing@retailinsights.local";

    /// <summary>Runs `demo-users` against the database and reads the passwords it prints, by email.</summary>
    public static async Task<Dictionary<string, string>> CreateAsync(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = database.ConnectionString,
        }).Build();
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["demo-users"], output, output, configuration, "Development");
        if (exit != 0)
            throw new InvalidOperationException(output.ToString());
        var passwords = DemoUserLine().Matches(output.ToString()).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);
        if (!passwords.Keys.Order().SequenceEqual(DemoUsersCommand.DemoUsers.Select(u => u.Email).Order()))
            throw new InvalidOperationException("demo-users printed other users than it defines:\n" + output);
        return passwords;
    }

    /// <summary>
    /// Signs in through the login form and waits for the live circuit, not just the prerendered page. The redirect is
    /// awaited only until the response arrives: the page's "load" waits for every script the charts add, which a busy
    /// CI machine can hold up past any timeout, and the circuit check below is what counts.
    /// </summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-nav-link') !== null");
    }

    [GeneratedRegex(@"^\s+\w+\s+(?<email>\S+@\S+)\s+(?<password>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DemoUserLine();
}
