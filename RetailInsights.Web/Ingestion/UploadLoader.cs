using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Quality;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// Loads one staged upload: reads and validates the file, and in one transaction keeps its rejected lines and loads
/// its facts (sales copied straight in with binary COPY, the rest through a staging table) — so the database holds
/// the whole file or none of it, and a retry after a crash starts clean. Only the dimension rows the file names are
/// committed ahead, in their own short transaction (see <see cref="DimensionRows"/>). Safe to run twice: the second
/// run finds the upload done.
/// </summary>
public sealed class UploadLoader(NpgsqlDataSource dataSource, IOptions<IngestionOptions> options, TimeProvider clock,
    ILogger<UploadLoader> logger)
{
    private const int Attempts = 4;

    public async Task<UploadOutcome> LoadAsync(long uploadId, CancellationToken cancellationToken)
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
        }
    }

    private async Task<UploadOutcome> LoadOnceAsync(long uploadId, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A big file's estimates can pass the JIT threshold: compiling the load's plan costs more than it saves.
        await ExecuteAsync(connection, "SET LOCAL jit = off", cancellationToken);
        // One load per upload at a time: a retried job or a re-run import waits here, then finds the upload done.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@id)", cancellationToken, ("id", uploadId));
        var upload = await UploadRecords.ReadAsync(connection, uploadId, cancellationToken)
            ?? throw new InvalidOperationException($"No upload #{uploadId}.");
        if (upload.Status is UploadStatuses.Loaded or UploadStatuses.Refused or UploadStatuses.Failed)
            return UploadOutcome.From(upload, await UploadRecords.ReasonsAsync(connection, uploadId, cancellationToken));

        using var progress = new UploadProgressWriter(dataSource, uploadId, clock);
        progress.SetStatus(UploadStatuses.Parsing, 0);
        var readOptions = new ReadOptions
        {
            Kind = UploadKinds.Parse(upload.RequestedKind),
            DefaultStoreId = upload.DefaultStoreCode,
            AmbiguousDateOrder = upload.DateOrder == "day-first" ? DateOrder.DayFirst : DateOrder.MonthFirst,
            Now = clock.GetUtcNow().UtcDateTime,
        };

        UploadFileReader OpenFile() => UploadFileReader.Open(() => File.OpenRead(upload.StagedPath!), upload.FileName, readOptions);
        UploadFileReader reader;
        DimensionRows dimensions;
        SaleOccurrences occurrences;
        try
        {
            // Sales are only noted on this pass and copied straight into their table on a second one; everything else
            // (rejected lines, returns, the other kinds) goes through the stage.
            reader = OpenFile();
            using var staging = StagingWriter.Begin(connection, reader.Kind);
            (dimensions, occurrences) = (staging.Dimensions, staging.Occurrences);
            foreach (var result in reader.ReadRows(progress, cancellationToken))
            {
                if (DirectSalesCopy.IsSale(result.Row))
                    staging.NoteSale((TransactionRow)result.Row!);
                else if (result.Row is not null)
                    staging.WriteRow(result.Row);
                else
                    staging.WriteRejected(result.Rejected!);
            }
            staging.Complete();
        }
        catch (FileRefusedException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await FinishRefusedAsync(upload, e.Message, cancellationToken);
        }
        progress.SetStatus(UploadStatuses.Loading, 100);
        var timings = new Dictionary<string, double> { ["read_and_stage"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 3) };
        void Lap(string stage) => timings[stage] = Math.Round(stopwatch.Elapsed.TotalSeconds - timings.Values.Sum(), 3);

        var stats = reader.Statistics;
        var kind = UploadKinds.Of(reader.Kind);
        (string, object)[] parameters = [("upload", uploadId), ("retailer", upload.RetailerCode)];
        await ExecuteAsync(connection, LoadSql.KeepRejected, cancellationToken, parameters);

        var rejectedShare = stats.RowsRead == 0 ? 0 : stats.RowsRejected / (double)stats.RowsRead;
        if (rejectedShare > options.Value.MaxRejectedShare)
        {
            var message = $"{stats.RowsRejected:N0} of {stats.RowsRead:N0} rows were rejected ({rejectedShare:P0}), above the " +
                $"{options.Value.MaxRejectedShare:P0} limit: the file looks wrong, so nothing was loaded. Most common reasons: " +
                string.Join(", ", stats.RejectedByReason.OrderByDescending(r => r.Value).Take(3).Select(r => $"{r.Key} ({r.Value:N0})")) +
                ". The rejected rows are kept below.";
            var failedReport = Report(reader, stats, duplicates: 0, productsMissing: 0, storesMissing: 0) with { CriticalFailure = message };
            await FinishAsync(connection, upload, UploadStatuses.Failed, kind, stats, accepted: 0, duplicates: 0, failedReport, message, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return await OutcomeAsync(uploadId, cancellationToken);
        }

        await ExecuteAsync(connection, LoadSql.AnalyzeStage(reader.Kind), cancellationToken);
        Lap("keep_rejected");
        var ids = await dimensions.AddMissingAsync(dataSource, upload.RetailerCode, cancellationToken);
        Lap("dimensions");
        long inserted = 0;
        if (reader.Kind == UploadKind.Transactions)
            inserted += await LoadSalesAsync(connection, OpenFile, ids, occurrences, uploadId, parameters, cancellationToken);
        foreach (var statement in LoadSql.Facts(reader.Kind))
            inserted += await ExecuteAsync(connection, statement, cancellationToken, parameters);
        Lap("facts");
        var duplicates = stats.RowsAccepted - inserted;
        var productsMissing = await ScalarAsync(connection, LoadSql.ProductsMissingFromCatalog, dimensions.StockCodes, cancellationToken);
        var storesMissing = await ScalarAsync(connection, LoadSql.StoresMissingLocation, dimensions.StoreCodes, cancellationToken);
        Lap("quality_checks");
        var report = Report(reader, stats, duplicates, productsMissing, storesMissing) with { Timings = timings };
        await FinishAsync(connection, upload, UploadStatuses.Loaded, kind, stats, inserted, duplicates, report, null, cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.ConstraintName == "ux_uploads_loaded_sha256")
        {
            // The same content was loaded by a concurrent upload that committed first: this one adds nothing.
            return await FinishRefusedAsync(upload, await UploadRecords.AlreadyLoadedMessageAsync(dataSource, upload.Sha256, cancellationToken), cancellationToken);
        }
        logger.LogInformation("Upload #{Id} {File}: {Accepted} rows loaded, {Rejected} rejected, {Duplicates} duplicates in {Seconds:F1}s",
            uploadId, upload.FileName, inserted, stats.RowsRejected, duplicates, stopwatch.Elapsed.TotalSeconds);
        return await OutcomeAsync(uploadId, cancellationToken);
    }

    /// <summary>
    /// Copies the file's sales straight into the sales table on a second read. When the natural key refuses a line —
    /// part of the file was loaded before, by an overlapping file — the copy is undone and the sales are staged
    /// instead, for the set-based insert that skips what is already there.
    /// </summary>
    private static async Task<long> LoadSalesAsync(NpgsqlConnection connection, Func<UploadFileReader> openFile, DimensionIds ids,
        SaleOccurrences occurrences, long uploadId, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SAVEPOINT direct_sales", cancellationToken);
        try
        {
            var copied = DirectSalesCopy.Copy(connection, openFile().ReadRows(null, cancellationToken), ids, occurrences, uploadId);
            await ExecuteAsync(connection, "RELEASE SAVEPOINT direct_sales", cancellationToken);
            return copied;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT direct_sales", cancellationToken);
        }
        using (var staging = StagingWriter.Append(connection, UploadKind.Transactions))
        {
            foreach (var result in openFile().ReadRows(null, cancellationToken))
                if (DirectSalesCopy.IsSale(result.Row))
                    staging.WriteRow(result.Row!);
            staging.Complete();
        }
        await ExecuteAsync(connection, LoadSql.AnalyzeStage(UploadKind.Transactions), cancellationToken);
        return await ExecuteAsync(connection, LoadSql.SalesFromStage, cancellationToken, parameters);
    }

    private DataQualityReport Report(UploadFileReader reader, ReadStatistics stats, long duplicates, long productsMissing, long storesMissing)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DataQualityReport
        {
            Kind = UploadKinds.Of(reader.Kind),
            Encoding = reader.EncodingName,
            Separator = reader.Separator == '\t' ? "tab" : reader.Separator.ToString(),
            DateOrder = reader.Kind is UploadKind.Transactions or UploadKind.Refunds
                ? (reader.DateOrder == DateOrder.DayFirst ? "day-first" : "month-first") : null,
            RowsRead = stats.RowsRead,
            RowsAccepted = stats.RowsAccepted - duplicates,
            RowsRejected = stats.RowsRejected,
            RowsDuplicate = duplicates,
            RowsFlagged = stats.RowsFlagged,
            RejectedByReason = stats.RejectedByReason.ToDictionary(),
            FlaggedByFlag = stats.FlaggedByFlag.ToDictionary(p => p.Key.ToString(), p => p.Value),
            Completeness = stats.Completeness.ToDictionary(),
            LineAmountViolations = reader.Map[FileSchemas.Transactions.LineAmount] >= 0 && reader.Kind == UploadKind.Transactions
                ? stats.RejectedByReason.GetValueOrDefault(RejectReasons.LineAmountMismatch) : null,
            ProductsMissingFromCatalog = productsMissing,
            StoresMissingLocation = storesMissing,
            FirstDate = stats.FirstDate,
            LatestDate = stats.LastDate,
            FreshnessDays = stats.LastDate is { } last ? Math.Round((now - last).TotalDays, 1) : null,
        };
    }

    private static async Task FinishAsync(NpgsqlConnection connection, Upload upload, string status, string kind,
        ReadStatistics stats, long accepted, long duplicates, DataQualityReport report, string? error, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, """
            UPDATE uploads SET status = @status, kind = @kind, rows_read = @read, rows_accepted = @accepted,
                rows_rejected = @rejected, rows_duplicate = @duplicates, rows_flagged = @flagged, error_text = @error,
                quality_report = @report::jsonb, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id
            """, cancellationToken, ("status", status), ("kind", kind), ("read", stats.RowsRead), ("accepted", accepted),
            ("rejected", stats.RowsRejected), ("duplicates", duplicates), ("flagged", stats.RowsFlagged),
            ("error", (object?)error ?? DBNull.Value), ("report", report.ToJson()), ("id", upload.UploadId));

    private async Task<UploadOutcome> FinishRefusedAsync(Upload upload, string message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, """
            UPDATE uploads SET status = 'refused', error_text = @error, progress_percent = 100, finished_at = clock_timestamp()
            WHERE upload_id = @id AND status <> 'loaded'
            """, cancellationToken, ("error", message), ("id", upload.UploadId));
        logger.LogWarning("Upload #{Id} {File} refused: {Message}", upload.UploadId, upload.FileName, message);
        return await OutcomeAsync(upload.UploadId, cancellationToken);
    }

    private async Task<UploadOutcome> OutcomeAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var upload = (await UploadRecords.ReadAsync(connection, uploadId, cancellationToken))!;
        return UploadOutcome.From(upload, await UploadRecords.ReasonsAsync(connection, uploadId, cancellationToken));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, IReadOnlyCollection<string> codes,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("codes", codes.ToArray());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            if (sql.Contains("@" + name, StringComparison.Ordinal))
                command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
