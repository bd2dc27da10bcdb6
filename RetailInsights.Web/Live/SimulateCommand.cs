using System.Globalization;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Live;

/// <summary>Posts realistic live events to an app at a steady rate and prints what was sent, acknowledged and how fast.</summary>
public sealed class SimulateCommand : ICommand
{
    public string Name => "simulate";

    public string Summary => "a POS fleet posting live events: simulate --url U --api-key K --rate N --minutes M [--refund-share 0.1]";

    public string Usage => """
          --url U             the app, e.g. http://127.0.0.1:5080
          --api-key K         an API key (api-keys create --name pos)
          --rate N            events per second (default 100)
          --minutes M         how long (default 1; fractions allowed)
          --refund-share S    share of events that are refunds of recent sales (default 0.1)
          --batch B           events per request (default: a fifth of a second's events, at most 1000)
          --source NAME       the source system (default "pos")
          --seed S            random seed (default 42)
        Prints one JSON line: sent, acknowledged, rejected, duplicates, failed, seconds, rate, p50/p95/p99 ms.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("url", "api-key", "rate", "minutes", "refund-share", "batch", "source", "seed");
        if (arguments.String("url") is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var baseUri))
            throw new CommandUsageException("--url must name the app, e.g. http://127.0.0.1:5080");
        if (arguments.String("api-key") is not { Length: > 0 } key)
            throw new CommandUsageException("--api-key is required (create one with: api-keys create --name pos)");
        var rate = arguments.Int("rate", 100, 1, 1_000_000);
        var minutes = Number(arguments, "minutes", 1, 0.01, 24 * 60);
        var refundShare = Number(arguments, "refund-share", 0.1, 0, 0.9);
        var batch = arguments.Int("batch", Math.Clamp(rate / 5, 1, 1000), 1, 1000);
        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var simulator = new PosSimulator(client, arguments.String("source") ?? "pos", refundShare, arguments.Int("seed", 42));
        var result = await simulator.RunAsync(rate, TimeSpan.FromMinutes(minutes), batch, cancellationToken);
        await context.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sent"] = result.Sent,
            ["acknowledged"] = result.Acknowledged,
            ["rejected"] = result.Rejected,
            ["duplicates"] = result.Duplicates,
            ["failed"] = result.Failed,
            ["seconds"] = Math.Round(result.Seconds, 2),
            ["rate"] = Math.Round(result.Acknowledged / result.Seconds),
            ["p50_ms"] = Math.Round(result.Percentile(0.5), 1),
            ["p95_ms"] = Math.Round(result.Percentile(0.95), 1),
            ["p99_ms"] = Math.Round(result.Percentile(0.99), 1),
        }));
        return result.Failed == 0 ? 0 : 1;
    }

    private static double Number(CommandArguments arguments, string name, double fallback, double min, double max)
    {
        if (arguments.String(name) is not { } text)
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new CommandUsageException($"--{name} must be a number between {min} and {max}, not '{text}'");
    }
}
