using System.Diagnostics;

namespace RetailInsights.Tests.Support;

/// <summary>Runs one of the repository's scripts with bash, from the repository root, as a user would.</summary>
public static class BashScript
{
    public sealed record Result(int Exit, string Output, string Error);

    public static Task<Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunProcessAsync(new ProcessStartInfo("bash", [Path.Combine(Repository.Root(), script), .. args]) { WorkingDirectory = Repository.Root() },
            environment, TimeSpan.FromMinutes(2));

    /// <summary>Runs a program to its end, its output and error read as it runs; past <paramref name="limit"/> it is killed and the test fails.</summary>
    public static async Task<Result> RunProcessAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {limit.TotalMinutes:0} minutes: " +
                $"{await output}{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
