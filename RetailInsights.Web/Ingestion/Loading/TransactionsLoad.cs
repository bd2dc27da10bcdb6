using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// A transactions file: its sales are copied straight into the sales table on a second read (see
/// <see cref="DirectSalesCopy"/>); its returns (negative or C-invoice lines) go through the stage and become refunds of
/// their original invoice. Two cases stage the sales too, for set-based inserts that do in SQL what the copy did in
/// memory: part of the file was loaded before (the copy meets the natural key), or the file names more customers,
/// products or lines than the load's memory budget allows (it spills: from then on sales are staged, and the earlier
/// ones on the second read).
/// </summary>
internal sealed class TransactionsLoad(MemoryBudget budget) : KindLoad<TransactionRow>(budget)
{
    /// <summary>The numbering of identical lines among the sales.</summary>
    private readonly SaleOccurrences _occurrences = new(budget);

    /// <summary>The last sale that skipped the stage on the first pass (a spilled load stages those up to it later).</summary>
    private long _lastSkippedLine;

    /// <summary>Whether the sales are in the stage, so that the inserts from the stage load them.</summary>
    private bool _salesStaged;

    protected override string StageColumns => """
        invoice text, stock_code text, description text, quantity integer, invoiced_at timestamp, unit_price numeric,
        customer_code text, country text, store_code text, is_return boolean, is_non_product boolean
        """;

    public override int FieldCount => 11;

    public override void WriteStaged(NpgsqlBinaryImporter copy, TransactionRow t)
    {
        Text(copy, t.Invoice);
        Text(copy, t.StockCode);
        Text(copy, t.Description);
        copy.Write(t.Quantity, NpgsqlDbType.Integer);
        copy.Write(t.InvoicedAt, NpgsqlDbType.Timestamp);
        copy.Write(t.UnitPrice, NpgsqlDbType.Numeric);
        Text(copy, t.CustomerId);
        Text(copy, t.Country);
        Text(copy, t.StoreId);
        copy.Write(t.IsReturn, NpgsqlDbType.Boolean);
        copy.Write(t.Flags.HasFlag(RowFlags.NonProduct), NpgsqlDbType.Boolean);
        NoteDimensions(t);
    }

    public override string AnalyzeStage => "ANALYZE stage (reason_codes, is_return)";

    public override IReadOnlyList<string> DimensionsFromStage { get; } =
        DimensionSql.FromStage("invoiced_at", "description", "country", "is_non_product");

    /// <summary>The returns, and the sales when they were staged (otherwise they were copied in before).</summary>
    public override IReadOnlyList<string> FactsFromStage => _salesStaged ? [SalesFromStage, ReturnsFromStage] : [ReturnsFromStage];

    private const string ReturnsFromStage = """
        INSERT INTO refunds (refund_code, original_invoice, product_id, store_id, customer_id, retailer_id, date_key,
            upload_id, quantity, amount, reason, refunded_at, line_occurrence)
        SELECT t.invoice, CASE WHEN upper(left(t.invoice, 1)) = 'C' THEN substr(t.invoice, 2) ELSE t.invoice END,
               p.product_id, s.store_id, c.customer_id, r.retailer_id, to_char(t.invoiced_at, 'YYYYMMDD')::int, @upload,
               abs(t.quantity), abs(t.quantity) * t.unit_price, 'cancelled_invoice', t.invoiced_at, t.occurrence
        FROM (SELECT *, row_number() OVER (PARTITION BY invoice, stock_code, invoiced_at, quantity, unit_price
                                           ORDER BY line_number) AS occurrence
              FROM stage WHERE reason_codes IS NULL AND is_return) t
        JOIN dim_product p ON p.stock_code = t.stock_code
        JOIN dim_store s ON s.store_code = t.store_code
        JOIN dim_retailer r ON r.code = @retailer
        LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Staged sales, skipping lines already loaded: the way in when part of the file was loaded before.</summary>
    private const string SalesFromStage = """
        INSERT INTO fact_sales (invoice, product_id, date_key, customer_id, store_id, retailer_id, upload_id, quantity,
            unit_price, line_amount, invoiced_at, is_non_product, is_zero_price, line_occurrence)
        SELECT t.invoice, p.product_id, to_char(t.invoiced_at, 'YYYYMMDD')::int, c.customer_id, s.store_id,
               r.retailer_id, @upload, t.quantity, t.unit_price, t.quantity * t.unit_price, t.invoiced_at,
               t.is_non_product, t.unit_price = 0, t.occurrence
        FROM (SELECT *, row_number() OVER (PARTITION BY invoice, stock_code, invoiced_at, quantity, unit_price
                                           ORDER BY line_number) AS occurrence
              FROM stage WHERE reason_codes IS NULL AND NOT is_return) t
        JOIN dim_product p ON p.stock_code = t.stock_code
        JOIN dim_store s ON s.store_code = t.store_code
        JOIN dim_retailer r ON r.code = @retailer
        LEFT JOIN dim_customer c ON c.customer_code = t.customer_code
        ON CONFLICT DO NOTHING
        """;

    public override bool SkipsStage(TransactionRow row) => !row.IsReturn && !Budget.Exceeded;

    /// <summary>A sale is only noted on the first pass: its dimension rows and its place among identical lines.</summary>
    public override void NoteSkipped(TransactionRow sale)
    {
        NoteDimensions(sale);
        _occurrences.Observe(sale);
        _lastSkippedLine = sale.LineNumber;
    }

    /// <summary>
    /// Copies the file's sales straight into the sales table on a second read. When the natural key refuses a line —
    /// part of the file was loaded before, by an overlapping file — the copy is undone and the sales are staged
    /// instead, for the set-based insert that skips what is already there.
    /// </summary>
    public override async Task<long> LoadOutsideStageAsync(LoadContext context, CancellationToken cancellationToken)
    {
        var connection = context.Connection;
        if (Budget.Exceeded)
        {
            await StageSalesAsync(context, sale => sale.LineNumber <= _lastSkippedLine, cancellationToken);
            return 0;
        }
        await Sql.ExecuteAsync(connection, "SAVEPOINT direct_sales", cancellationToken);
        try
        {
            var copied = DirectSalesCopy.Copy(connection, Sales(context.OpenFile(), cancellationToken), context.Ids, _occurrences,
                context.UploadId);
            await Sql.ExecuteAsync(connection, "RELEASE SAVEPOINT direct_sales", cancellationToken);
            return copied;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await Sql.ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT direct_sales", cancellationToken);
        }
        await StageSalesAsync(context, _ => true, cancellationToken);
        return 0;
    }

    private async Task StageSalesAsync(LoadContext context, Func<TransactionRow, bool> which, CancellationToken cancellationToken)
    {
        using (var staging = StagingWriter<TransactionRow>.Append(context.Connection, this))
        {
            foreach (var sale in Sales(context.OpenFile(), cancellationToken).Where(which))
                staging.WriteRow(sale);
            staging.Complete();
        }
        await Sql.ExecuteAsync(context.Connection, AnalyzeStage, cancellationToken);
        _salesStaged = true;
    }

    private static IEnumerable<TransactionRow> Sales(UploadFileReader reader, CancellationToken cancellationToken) =>
        reader.ReadRows<TransactionRow>(null, cancellationToken).Select(r => r.Row).OfType<TransactionRow>().Where(r => !r.IsReturn);

    private void NoteDimensions(TransactionRow line) =>
        Dimensions.AddSale(PgText.Clean(line.StockCode), PgText.Clean(line.Description), line.Flags.HasFlag(RowFlags.NonProduct),
            line.InvoicedAt, PgText.Clean(line.StoreId), PgText.Clean(line.CustomerId), PgText.Clean(line.Country));

    /// <summary>The file's sales and refunds, now facts, added to the summaries.</summary>
    public override Task AfterFactsAsync(LoadContext context, CancellationToken cancellationToken) =>
        Summaries.ApplyAsync(context.Connection, SummaryBatch.ForUpload(context.UploadId), cancellationToken);
}
