using RetailInsights.Core.Generation;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Demo;

/// <summary>Writes deterministic demo files (transactions, refunds, catalog, stores) for a number of days.</summary>
public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";

    public string Summary => "write demo CSV files: generate --days N --out DIR [--seed S] [--end yyyy-MM-dd]";

    public string Usage => """
          --days N              days of transactions to write (required, 1..3650)
          --out DIR             folder to write into (created when missing; relative to where you run the command)
          --seed S              random seed; the same seed and dates give byte-identical files (default 42)
          --end yyyy-MM-dd      last day written (default: yesterday, UTC)
          --invoices-per-day N  invoices per day over all stores (default 500)
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("days", "out", "seed", "end", "invoices-per-day");
        if (!arguments.Has("days") || arguments.String("out") is not { Length: > 0 } outArgument)
            throw new CommandUsageException("--days and --out are required");
        var options = new GeneratorOptions
        {
            Days = arguments.Int("days", 0, 1, 3650),
            Seed = arguments.Int("seed", 42),
            EndDate = arguments.Date("end") ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            InvoicesPerDay = arguments.Int("invoices-per-day", 500, 1, 1_000_000),
        };
        // A busier chain has more customers, not the same customers shopping more often.
        options = options with { Customers = Math.Max(options.Customers, 4 * options.InvoicesPerDay) };
        var outDirectory = CommandContext.ResolveUserPath(outArgument);
        var summary = await Task.Run(() => new DemoDataGenerator().Generate(options, outDirectory, cancellationToken), cancellationToken);
        await context.Output.WriteLineAsync(
            $"Wrote {summary.Files.Count} files to {outDirectory}: {summary.Invoices:N0} invoices, {summary.Lines:N0} lines, " +
            $"{summary.Refunds:N0} refunds, {summary.Customers:N0} customers ({options.EndDate.AddDays(1 - options.Days):yyyy-MM-dd} to {options.EndDate:yyyy-MM-dd}).");
        return 0;
    }
}
