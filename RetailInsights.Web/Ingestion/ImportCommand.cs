using System.Text.Json;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Ingestion;

/// <summary>Loads files or folders through the upload pipeline, one JSON line per file, for scripts and back-fills.</summary>
public sealed class ImportCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Name => "import";

    public string Summary => "load files or folders through the upload pipeline: import FILE_OR_DIR... (one JSON line per file)";

    public string Usage => """
          FILE_OR_DIR...          CSV files (.csv, .csv.gz) or folders of them
          --kind K                transactions | refunds | product_catalog | store_locations (default: from the header)
          --store CODE            store for lines of files without a store column
          --date-order ORDER      month-first (default) | day-first, for slashed dates the file does not settle
          --source NAME           source system the files come from: its column mapping and conventions apply (see `sources`)
          --retailer CODE         source system code without a mapping check (default "default"; --source is preferred)
          --parallel N            files loaded at once (default: the number of cores, at most 4)
        Exit code 0 when every file was processed (rejected rows included), 1 when any file was refused whole.
        """;

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("kind", "store", "date-order", "retailer", "source", "parallel");
        if (arguments.Positionals.Count == 0)
            throw new CommandUsageException("name at least one file or folder");
        var kind = arguments.String("kind");
        if (kind is not null && UploadKinds.Parse(kind) is null)
            throw new CommandUsageException($"--kind must be one of transactions, refunds, product_catalog, store_locations, not '{kind}'");
        var dateOrder = arguments.String("date-order");
        if (dateOrder is not null and not ("month-first" or "day-first"))
            throw new CommandUsageException($"--date-order must be month-first or day-first, not '{dateOrder}'");

        var parallel = arguments.Int("parallel", Math.Min(Environment.ProcessorCount, 4), min: 1, max: 16);

        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        var request = new IntakeRequest("", $"import command ({Environment.UserName})", kind, arguments.String("store"), dateOrder,
            arguments.String("retailer") ?? "default", Source: arguments.String("source"));
        var anyRefused = false;
        var outputLock = new Lock();
        // Stores and catalogs first, then transactions, then refunds — each wave's files side by side: while one file's
        // rows are inserted by PostgreSQL, the next one is parsed here, so both cores work.
        var paths = FileImporter.ExpandPaths(arguments.Positionals.Select(CommandContext.ResolveUserPath));
        foreach (var wave in paths.GroupBy(FileImporter.LoadWave))
        {
            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
                async (path, token) =>
                {
                    await using var scope = context.Services.CreateAsyncScope();
                    var outcome = await scope.ServiceProvider.GetRequiredService<FileImporter>().ImportAsync(path, request, token);
                    var line = JsonLine(path, outcome);
                    lock (outputLock)
                    {
                        anyRefused |= outcome.IsRefusedWhole;
                        context.Output.WriteLine(line);
                    }
                });
        }
        return anyRefused ? 1 : 0;
    }

    private static string JsonLine(string path, UploadOutcome outcome) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["file"] = path,
        ["upload"] = outcome.UploadId,
        ["status"] = outcome.Status,
        ["kind"] = outcome.Kind,
        ["rows"] = outcome.Rows,
        ["accepted"] = outcome.Accepted,
        ["rejected"] = outcome.Rejected,
        ["duplicates"] = outcome.Duplicates,
        ["flagged"] = outcome.Flagged,
        ["reasons"] = outcome.Reasons,
        ["seconds"] = Math.Round(outcome.Seconds, 3),
        ["message"] = outcome.Message,
    }, Json);
}
