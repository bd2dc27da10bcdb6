using RetailInsights.Web.Security;
using RetailInsights.Web.Analytics.Inputs;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// Writes the latest run's rules or customer segments, or the baskets exactly as mining reads them (so any other
/// implementation can be run on the same input), as CSV for other tools.
/// </summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "write CSV of the latest run or its input: export rules|segments|baskets --out FILE";

    public string Usage => """
          rules                   the latest run's rules: item codes and names, support, confidence, lift, leverage, conviction, counts
          segments                the latest run's customers: id, recency, frequency, monetary, scores, segment, cluster
          --segment NAME          with segments: only the customers of one segment (e.g. "At Risk"), a campaign list
          baskets                 Invoice,StockCode: the distinct items of each sale invoice, as mining reads them
          --out FILE              where to write (relative to where you run the command)
          --days N                days in the window (default 365), ending on --to (default: the latest sales day)
          --with-non-products     keep postage, fee and adjustment codes (left out of mining by default)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "with-non-products" };

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("out", "days", "to", "with-non-products", "segment");
        if (arguments.Positionals is not [("baskets" or "rules" or "segments") and var what])
            throw new CommandUsageException("say what to export: rules, segments or baskets");
        if (arguments.String("out") is not { Length: > 0 } outArgument)
            throw new CommandUsageException("--out is required");
        var query = new BasketQuery
        {
            Days = arguments.Int("days", 365, 1, 36500),
            To = arguments.Date("to"),
            IncludeNonProducts = arguments.Has("with-non-products"),
        };

        var segment = arguments.String("segment");
        if (segment is not null && what != "segments")
            throw new CommandUsageException("--segment goes with segments");
        if (RunExports.CheckSegment(segment) is { } unknown)
            throw new CommandUsageException(unknown);

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        if (what == "segments")
            return await ExportCustomersAsync(new CustomerSelection { Segment = segment }, CommandContext.ResolveUserPath(outArgument), context,
                cancellationToken);
        if (what != "baskets")
            return await ExportRunAsync(what, segment, CommandContext.ResolveUserPath(outArgument), context, cancellationToken);
        var source = new BasketSource(context.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());
        var path = CommandContext.ResolveUserPath(outArgument);
        long rows = 0;
        var invoices = new HashSet<string>();
        await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("Invoice,StockCode");
            await foreach (var (invoice, stockCode) in source.StreamAsync(query, cancellationToken))
            {
                await writer.WriteLineAsync(CsvText.Row(invoice, stockCode));
                invoices.Add(invoice);
                rows++;
            }
        }
        await using (var scope = context.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync($"export command ({Environment.UserName})",
                AuditActions.Export, "baskets", $"{rows} rows to {path}", cancellationToken);
        var (from, to) = await source.WindowAsync(query, cancellationToken);
        await context.Output.WriteLineAsync($"Wrote {invoices.Count:N0} baskets ({rows:N0} items) from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} to {path}.");
        return 0;
    }

    private static async Task<int> ExportRunAsync(string what, string? segment, string path, CommandContext context,
        CancellationToken cancellationToken)
    {
        await using var scope = context.Services.CreateAsyncScope();
        var results = scope.ServiceProvider.GetRequiredService<AnalyticsResults>();
        if (await results.LatestAsync(cancellationToken) is not { } run)
        {
            await context.Error.WriteLineAsync("export: no analytics run has succeeded yet; run `analyze` first.");
            return 1;
        }
        await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
        {
            var lines = what == "rules"
                ? RunExports.RuleLinesAsync(results, run.RunId, cancellationToken)
                : (await RunExports.LinesAsync(results, run, what, segment, cancellationToken)).ToAsyncEnumerable();
            await foreach (var line in lines)
                await writer.WriteLineAsync(line);
        }
        var described = segment is null ? what : $"{what} ({segment})";
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync($"export command ({Environment.UserName})",
            AuditActions.Export, $"{described} of run #{run.RunId}", path, cancellationToken);
        await context.Output.WriteLineAsync($"Wrote {described} of run #{run.RunId} (as of {run.AsOf:yyyy-MM-dd}) to {path}.");
        return 0;
    }

    // Streams from the database into the file, as the page's download does.
    private static async Task<int> ExportCustomersAsync(CustomerSelection selection, string path, CommandContext context,
        CancellationToken cancellationToken)
    {
        await using var scope = context.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AnalyticsResults>().LatestAsync(cancellationToken) is not { } run)
        {
            await context.Error.WriteLineAsync("export: no analytics run has succeeded yet; run `analyze` first.");
            return 1;
        }
        long rows;
        await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            rows = await CustomerExports.WriteAsync(writer, context.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), run.RunId, selection,
                cancellationToken);
        var described = CustomerExports.Describe(selection);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync($"export command ({Environment.UserName})",
            AuditActions.Export, $"{described} of run #{run.RunId}", path, cancellationToken);
        await context.Output.WriteLineAsync($"Wrote {rows:N0} customers, {described} of run #{run.RunId} (as of {run.AsOf:yyyy-MM-dd}), to {path}.");
        return 0;
    }
}
