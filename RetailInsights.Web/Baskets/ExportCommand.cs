using RetailInsights.Web.Admin.Audit;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Baskets;

/// <summary>
/// Writes analytics inputs and results as CSV for other tools. For now the baskets, exactly as mining reads them,
/// so any other implementation can be run on the same input; rules and segments follow with the analytics runs.
/// </summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "write CSV for other tools: export baskets --out FILE [--days N] [--to yyyy-MM-dd] [--with-non-products]";

    public string Usage => """
          baskets                 Invoice,StockCode: the distinct items of each sale invoice, as mining reads them
          --out FILE              where to write (relative to where you run the command)
          --days N                days in the window (default 365), ending on --to (default: the latest sales day)
          --with-non-products     keep postage, fee and adjustment codes (left out of mining by default)
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "with-non-products" };

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("out", "days", "to", "with-non-products");
        if (arguments.Positionals is not ["baskets"])
            throw new CommandUsageException("say what to export: baskets (rules and segments come with the analytics runs)");
        if (arguments.String("out") is not { Length: > 0 } outArgument)
            throw new CommandUsageException("--out is required");
        var query = new BasketQuery
        {
            Days = arguments.Int("days", 365, 1, 36500),
            To = arguments.Date("to"),
            IncludeNonProducts = arguments.Has("with-non-products"),
        };

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
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
}
