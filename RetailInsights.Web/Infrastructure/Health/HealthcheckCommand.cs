using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Infrastructure.Health;

/// <summary>
/// Asks a running app for its <c>/healthz</c>: the container's health check, since the runtime image has no curl.
/// Exit 0 when it answers 200, 1 otherwise.
/// </summary>
public sealed class HealthcheckCommand : ICommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080" + HealthRegistration.Path;

    public string Name => "healthcheck";

    public string Summary => "exit 0 when the running app's /healthz answers 200 (the container health check)";

    public string Usage =>
        $"  --url URL          the health endpoint (default {DefaultUrl})\n" +
        "  --timeout SECONDS  give up after this long (default 10)";

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("url", "timeout");
        var url = arguments.String("url") ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CommandUsageException($"--url must be an http or https URL, not '{url}'");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(arguments.Int("timeout", 10, min: 1, max: 300)) };
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            await context.Output.WriteLineAsync($"{uri}: {(int)response.StatusCode} {body}");
            return response.StatusCode == System.Net.HttpStatusCode.OK ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"{uri}: no answer ({e.Message})");
            return 1;
        }
    }
}
