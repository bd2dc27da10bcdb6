using System.Diagnostics;

namespace RetailInsights.Tests.Support;

/// <summary>Runs one of the repository's scripts with bash, from the repository root, as a user would.</summary>
public static class BashScript
{
    public sealed record Result(int Exit, string Output, string Error);

    public static async Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root(), script), .. args])
        {
            WorkingDirectory = Repository.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish in 2 minutes: {await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
