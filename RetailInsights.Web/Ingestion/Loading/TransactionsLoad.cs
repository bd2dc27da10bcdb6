using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>
/// A transactions file: its sales are copied straight into the sales table (see <see cref="DirectSalesCopy"/>) once
/// their dimension ids are known — from memory, where the first read kept them while they fit the budget for kept
/// sales, or else on a second read of the file; its returns (negative or C-invoice lines) go through the stage and
/// become refunds of their original invoice. Two cases stage the sales too, for set-based inserts that do in SQL what
/// the copy did in memory: part of the file was loaded before (the copy meets the natural key), or the file names more
/// customers, products or lines than the load's memory budget allows (it spills: from then on sales are staged, and
/// the earlier ones from memory or a second read).
/// </summary>
internal sealed class TransactionsLoad(MemoryBudget budget) : KindLoad<TransactionRow>(budget)
{
    /// <summary>What the sales kept from the first read may take, beside the load's budget; past it they are read again.</summary>
    private readonly MemoryBudget _keptSalesBudget = budget.Apart(0.5);

    /// <summary>What the copy's totals for the summaries may take; past it the summaries read the sales back from the table.</summary>
    private readonly MemoryBudget _totalsBudget = budget.Apart(0.25);

    /// <summary>The numbering of identical lines among the sales.</summary>
    private readonly SaleOccurrences _occurrences = new(budget);

    /// <summary>The last sale that skipped the stage on the first pass (a spilled load stages those up to it later).</summary>
    private long _lastSkippedLine;

    /// <summary>Whether the sales are in the stage, so that the inserts from the stage load them.</summary>
    private bool _salesStaged;

    /// <summary>Every sale of the file in line order, while they fit their budget; null once they did not.</summary>
    private List<TransactionRow>? _keptSales = [];

    /// <summary>The copied sales added up for the summaries; null when they were not copied whole or did not fit the budget.</summary>
    private SalesTotals? _totals;

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
        Text(copy, t.StoreCode);
        copy.Write(t.IsReturn, NpgsqlDbType.Boolean);
        copy.Write(t.Flags.HasFlag(RowFlags.NonProduct), NpgsqlDbType.Boolean);
        NoteDimensions(t);
    }

    public override string AnalyzeStage => "ANALYZE stage (reason_codes, is_return)";

    public override IReadOnlyList<string> DimensionsFromStage { get; } =
        DimensionSql.FromStage("invoiced_at", "description", "country", "is_non_product");

    /// <summary>The returns, and the sales when they were staged (otherwise they were copied in before).</summary>
    public override IReadOnlyList<string> FactsFromStage => _salesStaged ? [SalesFromStage, ReturnsFromStage] : [ReturnsFromStage];

    /// <summary>Identical lines of the stage numbered in line order, as the facts' natural key counts them.</summary>
    private static string Numbered(string which) => $"""
        SELECT *, row_number() OVER (PARTITION BY invoice, stock_code, invoiced_at, quantity, unit_price ORDER BY line_number) AS occurrence
        FROM stage WHERE reason_codes IS NULL AND {which}
        """;

    /// <summary>A return line refunds its invoice, the one without the C of a cancelled invoice.</summary>
    private static readonly string ReturnsFromStage = FactRows.InsertRefunds($"""
        SELECT t.invoice AS refund_code, CASE WHEN upper(left(t.invoice, 1)) = 'C' THEN substr(t.invoice, 2) ELSE t.invoice END AS original_invoice,
               p.product_id, s.store_id, c.customer_id, r.retailer_id, @upload AS upload_id, abs(t.quantity) AS quantity,
               abs(t.quantity) * t.unit_price AS amount, 'cancelled_invoice' AS reason, t.invoiced_at AS refunded_at, t.occurrence AS line_occurrence
        FROM ({Numbered("is_return")}) t
        {FactRows.ResolveCodes("t")}
        """);

    /// <summary>Staged sales, skipping lines already loaded: the way in when part of the file was loaded before.</summary>
    private static readonly string SalesFromStage = FactRows.InsertSales($"""
        SELECT t.invoice, p.product_id, c.customer_id, s.store_id, r.retailer_id, @upload AS upload_id, t.quantity, t.unit_price,
               t.invoiced_at, t.is_non_product, t.occurrence AS line_occurrence
        FROM ({Numbered("NOT is_return")}) t
        {FactRows.ResolveCodes("t")}
        """);

    public override bool SkipsStage(TransactionRow row) => !row.IsReturn && !Budget.Exceeded;

    /// <summary>A sale is only noted on the first pass: its dimension rows and its place among identical lines.</summary>
    public override void NoteSkipped(TransactionRow sale)
    {
        NoteDimensions(sale);
        _occurrences.Observe(sale);
        _lastSkippedLine = sale.LineNumber;
        if (_keptSales is not null && !_keptSalesBudget.TrySpend(MemoryBudget.ForKeptSale(sale)))
            _keptSales = null;
        _keptSales?.Add(sale);
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
        long copied = 0;
        if (await UniqueAttempt.RunAsync(connection, "direct_sales", async () =>
            {
                var sales = _keptSales ?? Sales(context.OpenFile(), cancellationToken);
                _totals = new SalesTotals(context.Ids.RetailerId, await CategoriesAsync(context, cancellationToken));
                copied = DirectSalesCopy.Copy(connection, sales, context.Ids, _occurrences, context.UploadId, ref _totals, _totalsBudget);
            }, cancellationToken))
        {
            _keptSales = null;
            return copied;
        }
        _totals = null;
        await StageSalesAsync(context, _ => true, cancellationToken);
        return 0;
    }

    /// <param name="which">The sales to stage, of the file's; the kept sales are exactly those when there are any.</param>
    private async Task StageSalesAsync(LoadContext context, Func<TransactionRow, bool> which, CancellationToken cancellationToken)
    {
        using (var staging = StagingWriter<TransactionRow>.Append(context.Connection, this))
        {
            foreach (var sale in _keptSales ?? Sales(context.OpenFile(), cancellationToken).Where(which))
                staging.WriteRow(sale);
            staging.Complete();
        }
        await PgStatements.ExecuteAsync(context.Connection, AnalyzeStage, cancellationToken);
        _salesStaged = true;
    }

    private static IEnumerable<TransactionRow> Sales(UploadFileReader reader, CancellationToken cancellationToken) =>
        reader.ReadRows<TransactionRow>(null, cancellationToken).Select(r => r.Row).OfType<TransactionRow>().Where(r => !r.IsReturn);

    private void NoteDimensions(TransactionRow line) =>
        Dimensions.AddSale(PgText.Clean(line.StockCode), PgText.Clean(line.Description), line.Flags.HasFlag(RowFlags.NonProduct),
            line.InvoicedAt, PgText.Clean(line.StoreCode), PgText.Clean(line.CustomerId), PgText.Clean(line.Country));

    /// <summary>The category of each product the file sells, as the summaries key it, read inside the load's transaction.</summary>
    private static async Task<Dictionary<int, string>> CategoriesAsync(LoadContext context, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT product_id, coalesce(category, '') FROM dim_product WHERE product_id = ANY(@ids)", context.Connection);
        command.Parameters.AddWithValue("ids", context.Ids.Products.Values.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var categories = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
            categories[reader.GetInt32(0)] = reader.GetString(1);
        return categories;
    }

    /// <summary>
    /// The file's sales and refunds, now facts, added to the summaries: from the copy's totals when it made them, else
    /// read back from the facts.
    /// </summary>
    public override Task AfterFactsAsync(LoadContext context, CancellationToken cancellationToken) => _totals is not null && !_salesStaged
        ? Summaries.ApplyAsync(context.Connection, SummaryBatch.ForUpload(context.UploadId), _totals, cancellationToken)
        : Summaries.ApplyAsync(context.Connection, SummaryBatch.ForUpload(context.UploadId), cancellationToken);
}
