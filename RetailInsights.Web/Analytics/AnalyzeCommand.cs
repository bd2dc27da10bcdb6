using System.Globalization;
using System.Text.Json;
using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Analytics;

/// <summary>Runs the analytics job synchronously and prints a JSON summary: the same run the schedule makes.</summary>
public sealed class AnalyzeCommand : ICommand
{
    public string Name => "analyze";

    public string Summary => "run the analytics now: analyze [--as-of yyyy-MM-dd] [--min-support X] [--min-confidence Y]";

    public string Usage => """
          --as-of yyyy-MM-dd    the day the run looks from (default: the day after the latest invoice); a back-fill
          --min-support X       share of baskets an itemset needs (default from Analytics:MinSupport, 0.005)
          --min-confidence Y    rule confidence threshold (default from Analytics:MinConfidence, 0.05)
        Exit code 0 when the run succeeded, 1 when it failed (the previous results stay in place).
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("as-of", "min-support", "min-confidence");
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        var actor = $"analyze command ({Environment.UserName})";
        var run = await scope.ServiceProvider.GetRequiredService<AnalyticsRunner>().RunAsync(
            new AnalyticsRequest(actor, arguments.Date("as-of"), Share(arguments, "min-support"), Share(arguments, "min-confidence")),
            cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(actor, AuditActions.Rerun, $"analytics run #{run.RunId}",
            $"as of {run.AsOf:yyyy-MM-dd}: {run.Status}", cancellationToken);
        var value = await db.RunValueModels.FindAsync([run.RunId], cancellationToken);
        await context.Output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["run"] = run.RunId,
            ["status"] = run.Status,
            ["as_of"] = run.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["baskets"] = run.Baskets,
            ["rules"] = run.Rules,
            ["customers"] = run.Customers,
            ["chosen_k"] = run.ChosenK,
            ["customer_value"] = value?.Status,
            ["customer_value_reason"] = value?.Reason,
            ["seconds"] = JsonSerializer.Deserialize<Dictionary<string, double>>(run.Timings ?? "{}"),
            ["error"] = run.ErrorText,
        }));
        return run.Status == Data.Entities.AnalysisRunStatuses.Succeeded ? 0 : 1;
    }

    private static double? Share(CommandArguments arguments, string name)
    {
        if (arguments.String(name) is not { } text)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1
            ? value
            : throw new CommandUsageException($"--{name} must be a number above 0 and at most 1, not '{text}'");
    }
}
