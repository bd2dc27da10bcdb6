using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion;

/// <summary>Loads files or folders through the upload pipeline, one JSON line per file, for scripts and back-fills.</summary>
public sealed class ImportCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Name => "import";

    public string Summary => "load files or folders through the upload pipeline: import FILE_OR_DIR... (one JSON line per file)";

    public string Usage => """
          FILE_OR_DIR...          CSV, JSON, NDJSON or .xlsx files (text ones also .gz) or folders of them
          --kind K                transactions | refunds | product_catalog | store_locations (default: from the header)
          --store CODE            store for lines of files without a store column
          --date-order ORDER      month-first (default) | day-first, for slashed dates the file does not settle
          --source NAME           source system the files come from: its column mapping and conventions apply (see `sources`)
          --sheet NAME            the sheet of .xlsx workbooks to read, by name or 1-based number (default: the first whose
                                  header maps); a workbook without it, or a file that is not one, is refused naming its sheets
          --retailer CODE         source system code without a mapping check (default "default"; --source is preferred)
          --parallel N            files loaded at once (default: the number of cores, at most 4)
          --replaces UPLOAD       the one file is a corrected copy of that loaded upload: in one transaction the old
                                  upload's rows go and the new file's come in (its source system, unless --retailer);
                                  a live feed is never replaced (void a store-day of its events instead: void-events)
          --confirm               replace even when the new file's days or source system differ from the old upload's
        Exit code 0 when every file was processed (rejected rows included), 1 when any file was refused whole.
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "confirm" };

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown("kind", "store", "date-order", "retailer", "source", "sheet", "parallel", "replaces", "confirm");
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
            arguments.String("retailer") ?? "default", Source: arguments.String("source"), Sheet: arguments.String("sheet"));
        if (arguments.String("replaces") is { } replaces)
        {
            (request, var isLiveFeed) = await ReplacingAsync(db, request, replaces, arguments, cancellationToken);
            if (isLiveFeed)
            {
                await context.Error.WriteLineAsync($"import: refused: {LiveFeeds.Refusal(request.ReplacesUploadId!.Value)}");
                return 1;
            }
        }
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

    /// <summary>The request for a corrected file: one file, an upload that exists, the old upload's source by default.</summary>
    private static async Task<(IntakeRequest Request, bool IsLiveFeed)> ReplacingAsync(RetailInsightsDbContext db, IntakeRequest request, string replaces,
        CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positionals.Count != 1 || Directory.Exists(CommandContext.ResolveUserPath(arguments.Positionals[0])))
            throw new CommandUsageException("--replaces takes exactly one file: the corrected copy of that upload");
        if (!long.TryParse(replaces, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uploadId))
            throw new CommandUsageException($"--replaces must be an upload number, not '{replaces}'");
        var old = await db.Uploads.AsNoTracking().Where(u => u.UploadId == uploadId).Select(u => new { u.RetailerCode, u.Kind })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new CommandUsageException($"there is no upload #{uploadId} to replace");
        return (request with
        {
            RetailerCode = arguments.String("retailer") ?? old.RetailerCode,
            ReplacesUploadId = uploadId,
            ReplaceConfirmed = arguments.Has("confirm"),
        }, LiveFeeds.Is(old.Kind));
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
        ["sheet"] = outcome.Sheet,
        ["seconds"] = Math.Round(outcome.Seconds, 3),
        ["message"] = outcome.Message,
    }, Json);
}
