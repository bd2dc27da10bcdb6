using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;
using RetailInsights.Core.Generation;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Demo;

/// <summary>First-run demo data: migrate, generate and load, unless the database already holds sales.</summary>
public sealed class DemoCommand : ICommand
{
    public string Name => "demo";

    public string Summary => "load demo data into an empty database (migrate + generate + load); no-op when sales exist";

    public string Usage => """
          --days N      days of demo data ending yesterday (default 280: 40 weeks, enough for the customer-value
                        forecast and its 13-week backtest)
          --invoices-per-day N  invoices a day across the stores (default 160)
          --seed S      random seed (default 42)
          --dir DIR     folder for the generated files (default .data/demo, relative to where you run the command)
          --force       load even when the database already holds sales (files already loaded are skipped)
        """;

    /// <summary>
    /// Forty weeks: the customer-value models need 26 weeks of history, and their backtest 13 more held out. Fewer
    /// invoices a day than a busy chain keep the lines, and the first run's load, to about what a quarter at full
    /// rate would be.
    /// </summary>
    public const int DefaultDays = 280;

    public const int DefaultInvoicesPerDay = 160;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "force" };

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("days", "invoices-per-day", "seed", "dir", "force");
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await DatabaseSetup.EnsureMigratableAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var sales = await db.Sales.LongCountAsync(cancellationToken);
        if (sales > 0 && !arguments.Has("force"))
        {
            await context.Output.WriteLineAsync($"The database already holds {sales:N0} sales lines; no demo data loaded (use --force to add it).");
            return 0;
        }

        var directory = CommandContext.ResolveUserPath(arguments.String("dir") ?? Path.Combine(".data", "demo"));
        var options = new GeneratorOptions
        {
            Days = arguments.Int("days", DefaultDays, 1, 3650),
            InvoicesPerDay = arguments.Int("invoices-per-day", DefaultInvoicesPerDay, 1, 100_000),
            Seed = arguments.Int("seed", 42),
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
        };
        // Files of an earlier demo (another date range) would be loaded beside the new ones: start the folder afresh.
        if (Directory.Exists(directory))
            foreach (var stale in Directory.EnumerateFiles(directory, "*.csv"))
                File.Delete(stale);
        var generated = await Task.Run(() => new DemoDataGenerator().Generate(options, directory, cancellationToken), cancellationToken);
        await context.Output.WriteLineAsync($"Generated {generated.Lines:N0} transaction lines in {directory}; loading…");

        // Demo files go through the same pipeline as any store's files: intake, validation, staging, load.
        await using var scope = context.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<FileImporter>();
        var request = new IntakeRequest("", "demo data");
        int loadedFiles = 0, skippedFiles = 0;
        long rows = 0;
        var refused = new List<string>();
        foreach (var path in FileImporter.ExpandPaths([directory]))
        {
            var outcome = await importer.ImportAsync(path, request, cancellationToken);
            if (outcome.Status == "already_loaded")
                skippedFiles++;
            else if (outcome.IsRefusedWhole)
                refused.Add($"{outcome.FileName}: {outcome.Message}");
            else
            {
                loadedFiles++;
                rows += outcome.Accepted;
            }
        }
        await context.Output.WriteLineAsync($"Loaded {loadedFiles} files ({rows:N0} rows); {skippedFiles} were loaded before.");
        foreach (var line in refused)
            await context.Error.WriteLineAsync("Refused " + line);
        return refused.Count == 0 ? 0 : 1;
    }
}
