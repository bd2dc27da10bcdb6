using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Composition;

/// <summary>Dispatches the app binary's admin commands; anything else starts the web app.</summary>
public static class CommandLine
{
    private static readonly string[] HelpWords = ["--help", "-h", "help"];

    /// <summary>The commands, found by type so a feature adds one by adding a class.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommand).IsAssignableFrom(t))
        .Select(t => (ICommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>Web-host options start with "--" (e.g. --urls); a bare first word or a help switch is a command.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || !args[0].StartsWith('-'));

    /// <param name="configuration">Tests pass their own; the app reads appsettings and the environment.</param>
    /// <param name="environmentName">Tests pass their own; the app reads ASPNETCORE_ENVIRONMENT.</param>
    /// <param name="input">Tests pass their own; the app passes standard input when it is piped or redirected, and
    /// none at a terminal, where a command must not wait for input nobody knows it wants.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null,
        IConfiguration? configuration = null, string? environmentName = null, TextReader? input = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        input ??= Console.IsInputRedirected ? Console.In : null;
        if (HelpWords.Contains(args[0]))
        {
            await output.WriteAsync(Help());
            return 0;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'.");
            await error.WriteAsync(Help());
            return 2;
        }
        if (args.Skip(1).Any(a => HelpWords.Contains(a)))
        {
            await output.WriteLineAsync($"{command.Name}: {command.Summary}\n{command.Usage}");
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        // Tests run many commands in one process: each handler goes with its command.
        Console.CancelKeyPress += onCtrlC;
        var environment = environmentName ?? EnvironmentName();
        await using var context = new CommandContext(configuration ?? LoadConfiguration(environment), environment, output, error,
            CommandServices.Add, input);
        try
        {
            return await command.RunAsync(CommandArguments.Parse(args[1..], command.Flags), context, cancel.Token);
        }
        catch (CommandUsageException e)
        {
            await error.WriteLineAsync($"{command.Name}: {e.Message}\n{command.Usage}");
            return 2;
        }
        catch (DatabaseUnavailableException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{command.Name}: cancelled");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    public static string Help()
    {
        var lines = new List<string>
        {
            "RetailInsights — run with no command to serve the web app (e.g. --urls http://127.0.0.1:5080).",
            "",
            "Usage: dotnet run --project RetailInsights.Web -- <command> [options]",
            "",
            "Commands:",
        };
        lines.AddRange(Commands.Select(c => $"  {c.Name,-10} {c.Summary}"));
        lines.Add("");
        lines.Add("Run '<command> --help' for its options. Configuration: ConnectionStrings:RetailInsights");
        lines.Add("(environment ConnectionStrings__RetailInsights) names the PostgreSQL database.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>The same sources the web app reads: appsettings, the environment's file, user secrets, variables.</summary>
    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Production;

    private static IConfiguration LoadConfiguration(string environment)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (environment == Environments.Development)
            builder.AddUserSecrets(typeof(CommandLine).Assembly, optional: true);
        return builder.AddEnvironmentVariables().Build();
    }
}
