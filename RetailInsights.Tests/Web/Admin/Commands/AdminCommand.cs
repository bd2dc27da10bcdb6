using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Admin.Commands;

public sealed record CommandRun(int Exit, string Output, string Error);

/// <summary>Runs an app binary command in process on a test database, outside Development as on a server.</summary>
public static class AdminCommand
{
    public static async Task<CommandRun> RunAsync(TestDatabase database, TextReader? input, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = database.ConnectionString,
        }).Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(args, output, error, configuration, "Production", input);
        return new CommandRun(exit, output.ToString(), error.ToString());
    }

    public static Task<CommandRun> RunAsync(TestDatabase database, params string[] args) => RunAsync(database, null, args);

    /// <summary>The audit log's name for a command run by this process's user.</summary>
    public static string Actor(string command) => $"{command} command ({Environment.UserName})";
}
