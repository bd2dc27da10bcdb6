using RetailInsights.Web.Security;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Warehouse;

/// <summary>Recomputes the summary tables from the facts: after a restore, a manual fix of facts, or to check them.</summary>
public sealed class RebuildAggregatesCommand : ICommand
{
    public string Name => "rebuild-aggregates";

    public string Summary => "recompute the dashboards' summary tables from the facts (loads wait meanwhile)";

    public string Usage => "        (no options) Exit code 0 when the summaries were rebuilt.";

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown();
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        var took = await scope.ServiceProvider.GetRequiredService<Summaries>().RebuildAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync($"rebuild-aggregates command ({Environment.UserName})",
            AuditActions.Rerun, "summary tables", $"rebuilt in {took.TotalSeconds:F1} s", cancellationToken);
        await context.Output.WriteLineAsync($"Rebuilt {SummaryTables.All.Count} summary tables from the facts in {took.TotalSeconds:F1} s.");
        return 0;
    }
}
