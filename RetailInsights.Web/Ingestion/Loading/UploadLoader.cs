using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;
using RetailInsights.Web.Ingestion.SourceMappings;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// Loads one staged upload: reads and validates the file, and in one transaction keeps its rejected lines and loads
/// its facts (each kind's way: see <see cref="KindLoad{TRow}"/>) — so the database holds the whole file or none of it,
/// and a retry after a crash starts clean. Only the dimension rows the file names are committed ahead, in their own
/// short transaction (see <see cref="DimensionRows"/>). Safe to run twice: the second run finds the upload done.
/// </summary>
public sealed class UploadLoader(NpgsqlDataSource dataSource, UploadsTable uploads, SourceCatalog sources, IOptions<LoadOptions> options,
    TimeProvider clock, ILogger<UploadLoader> logger)
{
    private const int Attempts = 4;

    /// <summary>Waits before loading again after the database went away (a restart, a fail-over): about 15 s in all.</summary>
    private static readonly TimeSpan[] ReconnectDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4),
        TimeSpan.FromSeconds(8)];

    /// <summary>What one load works with, whatever the file's kind.</summary>
    private sealed record LoadRun(NpgsqlConnection Connection, NpgsqlTransaction Transaction, Upload Upload,
        Func<UploadFileReader> OpenFile, UploadFileReader Reader, UploadProgressWriter Progress, Stopwatch Clock);

    /// <summary>
    /// Loads the upload within <see cref="LoadOptions.MaxLoadMinutes"/>: past it the load stops wherever it is, its
    /// transaction rolls back, and the upload ends failed saying so (a retry would only take as long again).
    /// </summary>
    public async Task<UploadOutcome> LoadAsync(long uploadId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(options.Value.MaxLoadMinutes));
        try
        {
            return await LoadWithRetriesAsync(uploadId, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var message = $"The load took longer than {options.Value.MaxLoadMinutes:0.##} minutes (Ingestion:MaxLoadMinutes) and was " +
                "stopped; nothing of the file was loaded. Split the file, or ask an admin to raise the limit.";
            await uploads.FailAsync(uploadId, message, cancellationToken);
            logger.LogWarning("Upload #{Id} failed: {Message}", uploadId, message);
            return await OutcomeAsync(uploadId, cancellationToken);
        }
    }

    private async Task<UploadOutcome> LoadWithRetriesAsync(long uploadId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(uploadId, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                              && attempt < Attempts)
            {
                // Loads of overlapping files side by side can each wait for a row the other inserted. PostgreSQL then
                // rolls one of them back whole, so loading it again is safe; by then the other has usually committed.
                logger.LogInformation("Upload #{Id} met a concurrent load ({State}); loading it again", uploadId, e.SqlState);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt <= ReconnectDelays.Length)
            {
                // The transaction died with its connection, so nothing of the file is in: loading it again from the start
                // counts every row once.
                logger.LogWarning("Upload #{Id}: the database connection failed ({Message}); loading it again", uploadId, e.Message);
                // Idle pooled connections died with the server too: the next attempt opens fresh ones.
                dataSource.Clear();
                await Task.Delay(ReconnectDelays[attempt - 1], cancellationToken);
            }
        }
    }

    private async Task<UploadOutcome> LoadOnceAsync(long uploadId, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A big file's estimates can pass the JIT threshold: compiling the load's plan costs more than it saves.
        await PgStatements.ExecuteAsync(connection, "SET LOCAL jit = off", cancellationToken);
        // One load per upload at a time: a retried job or a re-run import waits here, then finds the upload done.
        await PgStatements.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@id)", cancellationToken, ("id", uploadId));
        var upload = await UploadsTable.ReadAsync(connection, uploadId, cancellationToken)
            ?? throw new InvalidOperationException($"No upload #{uploadId}.");
        if (UploadStatuses.IsFinal(upload.Status))
            return UploadOutcome.From(upload);
        if (upload.StagedPath is null || !File.Exists(upload.StagedPath))
        {
            // No retry brings a lost file back: the upload ends now, saying what to do.
            await transaction.RollbackAsync(cancellationToken);
            return await FailAsync(upload, $"The staged copy of {upload.FileName} is missing (the staging folder was cleaned or moved); " +
                "nothing was loaded. Upload the file again.", cancellationToken);
        }

        // The version recorded at intake, never a later one: the upload says exactly how its file was read.
        var source = upload.MappingVersion is { } version ? await sources.GetAsync(upload.RetailerCode, version, cancellationToken) : null;
        var allowedStores = await AllowedStoresAsync(connection, upload, cancellationToken);
        using var progress = new UploadProgressWriter(dataSource, uploadId, clock);
        progress.SetStatus(UploadStatuses.Parsing, 0);
        var readOptions = options.Value.Bounded(new ReadOptions
        {
            Mapping = source?.Mapping,
            Kind = UploadKinds.Parse(upload.RequestedKind),
            DefaultStoreCode = upload.DefaultStoreCode,
            AmbiguousDateOrder = upload.DateOrder == "day-first" ? DateOrder.DayFirst : DateOrder.MonthFirst,
            Now = clock.GetUtcNow().UtcDateTime,
            Sheet = upload.RequestedSheet,
            AllowedStores = allowedStores,
        }, cancellationToken);
        UploadFileReader OpenFile() => UploadFileReader.Open(() => File.OpenRead(upload.StagedPath!), upload.FileName, readOptions);
        UploadFileReader reader;
        try
        {
            reader = OpenFile();
        }
        catch (FileRefusedException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(upload, e.MissingColumns.Count > 0 ? e.Message + MappingHint(source) : e.Message, cancellationToken);
        }
        if (source is { Kinds.Count: > 0 } && !source.Kinds.Contains(UploadKinds.Of(reader.Kind)))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(upload, $"{upload.FileName} is a {HeaderMap.Describe(reader.Kind)} file, but source {source.Code} sends " +
                $"{string.Join(", ", source.Kinds)}. Nothing was loaded; an admin can add the kind on the Sources page.", cancellationToken);
        }
        if (allowedStores is not null && reader.Kind == UploadKind.ProductCatalog)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(upload, $"{upload.FileName} is a product catalog, which is the whole chain's, and the API key that sent it " +
                $"may send files only for stores {string.Join(", ", allowedStores.Order(StringComparer.Ordinal))}. Nothing was loaded.", cancellationToken);
        }
        var run = new LoadRun(connection, transaction, upload, OpenFile, reader, progress, stopwatch);
        var budget = new MemoryBudget(options.Value.MaxLoadMemoryBytes);
        return reader.Kind switch
        {
            UploadKind.Transactions => await LoadAsync(new TransactionsLoad(budget), run, cancellationToken),
            UploadKind.Refunds => await LoadAsync(new RefundsLoad(budget), run, cancellationToken),
            UploadKind.ProductCatalog => await LoadAsync(new ProductCatalogLoad(budget), run, cancellationToken),
            _ => await LoadAsync(new StoreLocationsLoad(budget), run, cancellationToken),
        };
    }

    private async Task<UploadOutcome> LoadAsync<TRow>(KindLoad<TRow> load, LoadRun run, CancellationToken cancellationToken)
        where TRow : ParsedRow
    {
        var (connection, upload, reader) = (run.Connection, run.Upload, run.Reader);
        try
        {
            using var staging = StagingWriter<TRow>.Begin(connection, load, options.Value.MaxRejectedRowsKept);
            foreach (var result in reader.ReadRows<TRow>(run.Progress, cancellationToken))
            {
                if (result.Row is not { } row)
                    staging.WriteRejected(result.Rejected!);
                else if (load.SkipsStage(row))
                    load.NoteSkipped(row);
                else
                    staging.WriteRow(row);
            }
            staging.Complete();
        }
        catch (FileRefusedException e)
        {
            await run.Transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(upload, e.Message, cancellationToken);
        }
        run.Progress.SetStatus(UploadStatuses.Loading, 100);
        var timings = new Dictionary<string, double> { ["read_and_stage"] = Math.Round(run.Clock.Elapsed.TotalSeconds, 3) };
        void Lap(string stage) => timings[stage] = Math.Round(run.Clock.Elapsed.TotalSeconds - timings.Values.Sum(), 3);

        var stats = reader.Statistics;
        var kind = UploadKinds.Of(reader.Kind);
        (string, object)[] parameters = [("upload", upload.UploadId), ("retailer", upload.RetailerCode)];
        await PgStatements.ExecuteAsync(connection, """
            INSERT INTO rejected_rows (upload_id, line_number, raw_text, reason_codes)
            SELECT @upload, line_number, raw_text, reason_codes FROM stage WHERE reason_codes IS NOT NULL
            """, cancellationToken, parameters);

        var rejectedShare = stats.RowsRead == 0 ? 0 : stats.RowsRejected / (double)stats.RowsRead;
        if (rejectedShare > options.Value.MaxRejectedShare)
        {
            var message = $"{stats.RowsRejected:N0} of {stats.RowsRead:N0} rows were rejected ({rejectedShare:P0}), above the " +
                $"{options.Value.MaxRejectedShare:P0} limit: the file looks wrong, so nothing was loaded. Most common reasons: " +
                string.Join(", ", stats.RejectedByReason.OrderByDescending(r => r.Value).Take(3).Select(r => $"{r.Key} ({r.Value:N0})")) +
                ". The first rejected lines are kept below.";
            var failed = Report(reader, kind, 0, 0, 0) with { CriticalFailure = message };
            await FinishAsync(run, new LoadEnd(UploadStatuses.Failed, kind, stats.RowsRead, 0, stats.RowsRejected, 0, stats.RowsFlagged,
                failed.ToJson(), message, reader.Sheet), cancellationToken);
            await DataChanges.NotifyAsync(connection, DataChanges.Uploads, cancellationToken);
            await run.Transaction.CommitAsync(cancellationToken);
            return await OutcomeAsync(upload.UploadId, cancellationToken);
        }

        await PgStatements.ExecuteAsync(connection, load.AnalyzeStage, cancellationToken);
        Lap("keep_rejected");
        var ids = await load.Dimensions.AddMissingAsync(dataSource, upload.RetailerCode, cancellationToken);
        Lap("dimensions");
        var context = new LoadContext(connection, run.OpenFile, ids, upload.UploadId, upload.RetailerCode);
        UploadReplacement.Removed? replaced = null;
        if (upload.ReplacesUploadId is { } old)
        {
            try
            {
                replaced = await UploadReplacement.RemoveAsync(connection, old, cancellationToken);
            }
            catch (ReplacementRefusedException e)
            {
                await run.Transaction.RollbackAsync(cancellationToken);
                return await RefuseAsync(upload, e.Message, cancellationToken);
            }
            Lap("remove_replaced");
        }
        var inserted = await load.LoadOutsideStageAsync(context, cancellationToken);
        var spilled = load.Dimensions.Overflowed;
        if (spilled)
            foreach (var statement in load.DimensionsFromStage)
                await PgStatements.ExecuteAsync(connection, statement, cancellationToken, parameters);
        await load.BeforeFactsAsync(context, cancellationToken);
        foreach (var statement in load.FactsFromStage)
            inserted += await PgStatements.InsertNewAsync(connection, statement, cancellationToken, parameters);
        Lap("facts");
        if (replaced is not null && !upload.ReplaceConfirmed
            && await UploadReplacement.DifferenceAsync(connection, replaced, upload.UploadId, upload.RetailerCode, cancellationToken) is { } difference)
        {
            await run.Transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync(upload, difference, cancellationToken);
        }
        await load.AfterFactsAsync(context, cancellationToken);
        Lap("summaries");
        var duplicates = stats.RowsAccepted - inserted;
        // The codes the file names: kept in memory, or (a spilled load) in its stage, which then holds every row.
        (string Sql, (string, object)[] Parameters) Codes(string column, IReadOnlyCollection<string> kept) => spilled
            ? ($"(SELECT {column} FROM stage WHERE reason_codes IS NULL)", [])
            : ("(SELECT unnest(@codes))", [("codes", kept.ToArray())]);
        var products = Codes("stock_code", load.Dimensions.StockCodes);
        var productsMissing = await PgStatements.CountAsync(connection,
            $"SELECT count(*) FROM dim_product WHERE stock_code IN {products.Sql} AND category IS NULL AND NOT is_non_product",
            cancellationToken, products.Parameters);
        var stores = Codes("store_code", load.Dimensions.StoreCodes);
        var storesMissing = await PgStatements.CountAsync(connection,
            $"SELECT count(*) FROM dim_store WHERE store_code IN {stores.Sql} AND city IS NULL", cancellationToken, stores.Parameters);
        Lap("quality_checks");
        var report = Report(reader, kind, duplicates, productsMissing, storesMissing) with { Timings = timings, LoadedThroughStage = spilled };
        await FinishAsync(run, new LoadEnd(UploadStatuses.Loaded, kind, stats.RowsRead, inserted, stats.RowsRejected, duplicates,
            stats.RowsFlagged, report.ToJson(), null, reader.Sheet), cancellationToken);
        await DataChanges.NotifyAsync(connection, DataChanges.Uploads, cancellationToken);
        await run.Transaction.CommitAsync(cancellationToken);
        await RemoveStagedFileAsync(upload, cancellationToken);
        logger.LogInformation("Upload #{Id} {File}: {Accepted} rows loaded, {Rejected} rejected, {Duplicates} duplicates in {Seconds:F1}s{Spilled}",
            upload.UploadId, upload.FileName, inserted, stats.RowsRejected, duplicates, run.Clock.Elapsed.TotalSeconds,
            spilled ? " (past the memory budget: loaded through the stage)" : "");
        return await OutcomeAsync(upload.UploadId, cancellationToken);
    }

    /// <summary>
    /// The stores the key that sent the file is limited to, as the key is now (an admin who narrowed it since the
    /// intake is obeyed); null for a key without that limit, or a file a person brought.
    /// </summary>
    private static async Task<IReadOnlySet<string>?> AllowedStoresAsync(NpgsqlConnection connection, Upload upload, CancellationToken cancellationToken)
    {
        if (upload.ApiKeyId is not { } keyId)
            return null;
        await using var command = new NpgsqlCommand("SELECT allowed_stores FROM api_keys WHERE api_key_id = @key", connection);
        command.Parameters.AddWithValue("key", keyId);
        return await command.ExecuteScalarAsync(cancellationToken) is string[] stores ? stores.ToHashSet(StringComparer.Ordinal) : null;
    }

    /// <summary>Where to go when a known source's file has columns its mapping does not cover yet.</summary>
    private static string MappingHint(SourceSettings? source) => source is null ? "" :
        $" The file was read with source {source.Code}'s mapping version {source.Version}: map the missing columns to this file's headers " +
        $"in the mapping step of the Uploads page (choose source {source.Code} and upload the file again), or with " +
        $"`sources set {source.Code} --map HEADER=COLUMN`.";

    private DataQualityReport Report(UploadFileReader reader, string kind, long duplicates, long productsMissing, long storesMissing) =>
        DataQualityReport.From(reader, kind, duplicates, productsMissing, storesMissing, clock.GetUtcNow().UtcDateTime);

    private static Task FinishAsync(LoadRun run, LoadEnd end, CancellationToken cancellationToken) =>
        UploadsTable.FinishAsync(run.Connection, run.Upload.UploadId, end, cancellationToken);

    /// <summary>A refused file cannot be read at all: its staged copy serves nobody and goes at once.</summary>
    private async Task<UploadOutcome> RefuseAsync(Upload upload, string message, CancellationToken cancellationToken)
    {
        await uploads.RefuseAsync(upload.UploadId, message, cancellationToken);
        await RemoveStagedFileAsync(upload, cancellationToken);
        logger.LogWarning("Upload #{Id} {File} refused: {Message}", upload.UploadId, upload.FileName, message);
        return await OutcomeAsync(upload.UploadId, cancellationToken);
    }

    /// <summary>A failed upload keeps its staged file for a while, for an admin to download (see the staging clean-up).</summary>
    private async Task<UploadOutcome> FailAsync(Upload upload, string message, CancellationToken cancellationToken)
    {
        await uploads.FailAsync(upload.UploadId, message, cancellationToken);
        logger.LogWarning("Upload #{Id} {File} failed: {Message}", upload.UploadId, upload.FileName, message);
        return await OutcomeAsync(upload.UploadId, cancellationToken);
    }

    private async Task RemoveStagedFileAsync(Upload upload, CancellationToken cancellationToken)
    {
        if (upload.StagedPath is null)
            return;
        File.Delete(upload.StagedPath);
        await uploads.ForgetStagedFileAsync(upload.UploadId, cancellationToken);
    }

    private async Task<UploadOutcome> OutcomeAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return UploadOutcome.From((await UploadsTable.ReadAsync(connection, uploadId, cancellationToken))!);
    }
}
