using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>
/// The statements that write a batch of events (see <see cref="EventWriter"/>), over the temporary table
/// <c>incoming</c> the batch is copied into. Parameters: @retailer (the source system's code), @feed (its uploads row),
/// @cutoff (the oldest time a window still takes: now less the allowed lateness).
/// </summary>
internal static class EventSql
{
    /// <param name="Late">Counts the batch's new events too late for their window.</param>
    public sealed record Steps(IReadOnlyList<string> Dimensions, string Fresh, string Facts, SummaryBatch Summaries, IReadOnlyList<string> Windows,
        string Late);

    // The batch's new facts land in batch_sales / batch_refunds (shaped as the facts), which the summaries read.
    private const string BatchTables = """
        CREATE TEMP TABLE fresh (event_id text PRIMARY KEY) ON COMMIT DROP;
        CREATE TEMP TABLE batch_sales (LIKE fact_sales) ON COMMIT DROP;
        CREATE TEMP TABLE batch_refunds (LIKE refunds) ON COMMIT DROP;
        """;

    // description, country and reason_codes stay empty: they let the file loads' dimension SQL read this table too.
    public const string CreateIncomingSales = BatchTables + """
        CREATE TEMP TABLE incoming (line_number bigint, event_id text, invoice text, stock_code text, quantity integer,
            unit_price numeric, invoiced_at timestamp, customer_code text, store_code text, is_non_product boolean,
            description text, country text, reason_codes text[]) ON COMMIT DROP
        """;

    public const string CopyIncomingSales = """
        COPY incoming (line_number, event_id, invoice, stock_code, quantity, unit_price, invoiced_at, customer_code, store_code,
            is_non_product) FROM STDIN (FORMAT BINARY)
        """;

    public const string CreateIncomingRefunds = BatchTables + """
        CREATE TEMP TABLE incoming (line_number bigint, event_id text, invoice text, stock_code text, quantity integer,
            amount numeric, reason text, refunded_at timestamp, customer_code text, store_code text,
            description text, country text, is_non_product boolean DEFAULT false, reason_codes text[]) ON COMMIT DROP
        """;

    public const string CopyIncomingRefunds = """
        COPY incoming (line_number, event_id, invoice, stock_code, quantity, amount, reason, refunded_at, customer_code, store_code)
        FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string Resolved = FactRows.ResolveCodes("i");

    private static readonly SummaryBatch Batch = new("batch_sales", "batch_refunds", """
        (o.retailer_id, o.invoice, o.product_id, o.invoiced_at, o.quantity, o.unit_price, o.line_occurrence) IN (
            SELECT retailer_id, invoice, product_id, invoiced_at, quantity, unit_price, line_occurrence FROM batch_sales)
        """, 0);

    /// <summary>Remembers the batch's events not seen before from their source, noting their ids in <c>fresh</c>.</summary>
    /// <param name="kind">'s' for a sale, 'r' for a refund.</param>
    /// <param name="occurredAt">The incoming column of the event's time.</param>
    private static string Fresh(char kind, string occurredAt, string invoice, string amount, string reason) => $"""
        WITH inserted AS (
            INSERT INTO live_events (retailer_id, kind, event_id, occurred_at, invoice, product_id, store_id, customer_id, amount, reason, is_late)
            SELECT DISTINCT ON (i.event_id) r.retailer_id, '{kind}', i.event_id, i.{occurredAt}, {invoice}, p.product_id, s.store_id,
                   c.customer_id, {amount}, {reason}, i.{occurredAt} < @cutoff
            FROM incoming i {Resolved}
            ORDER BY i.event_id, i.line_number
            ON CONFLICT (retailer_id, kind, event_id) DO NOTHING
            RETURNING event_id)
        INSERT INTO fresh SELECT event_id FROM inserted
        """;

    /// <summary>
    /// The batch's new facts with their <c>line_occurrence</c>: identical events are numbered as a file numbers identical
    /// lines, counting this source's feed only, so that the store's end-of-day file, loaded later, finds each of them
    /// already there.
    /// </summary>
    /// <param name="facts">The facts' table.</param>
    /// <param name="rows">The batch's new facts, with their <c>line_number</c>.</param>
    /// <param name="key">The facts' natural key besides the retailer (and the occurrence).</param>
    private static string Numbered(string facts, string rows, params string[] key) => $"""
        SELECT t.*, t.in_batch + (SELECT count(*) FROM {facts} o
                                  WHERE o.retailer_id = t.retailer_id AND {string.Join(" AND ", key.Select(k => $"o.{k} = t.{k}"))}
                                    AND o.upload_id = @feed) AS line_occurrence
        FROM (SELECT b.*, row_number() OVER (PARTITION BY {string.Join(", ", key)} ORDER BY line_number) AS in_batch FROM ({rows}) b) t
        """;

    private const string IntoMinutes = "INSERT INTO live_minutes AS w (minute, store_id, product_id, retailer_id, revenue, lines, refunds)";

    private const string IntoStoreMinutes = "INSERT INTO live_store_minutes AS w (minute, store_id, retailer_id, revenue, transactions, refunds)";

    public static readonly Steps Sales = new(
        DimensionSql.FromStage("invoiced_at", "description", "country", "is_non_product", "incoming"),
        Fresh('s', "invoiced_at", "i.invoice", "i.quantity * i.unit_price", "NULL"),
        FactRows.InsertSales(Numbered("fact_sales", $"""
            SELECT i.line_number, i.invoice, p.product_id, c.customer_id, s.store_id, r.retailer_id, @feed AS upload_id, i.quantity,
                   i.unit_price, i.invoiced_at, i.is_non_product
            FROM incoming i JOIN fresh USING (event_id) {Resolved}
            """, "invoice", "product_id", "invoiced_at", "quantity", "unit_price"), order: "invoice, product_id", keptIn: "batch_sales"),
        Batch,
        [
            $"""
            {IntoMinutes}
            SELECT date_trunc('minute', invoiced_at), store_id, product_id, retailer_id, sum(line_amount), count(*), 0
            FROM batch_sales WHERE invoiced_at >= @cutoff GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (minute, store_id, product_id, retailer_id) DO UPDATE SET
                revenue = w.revenue + excluded.revenue, lines = w.lines + excluded.lines
            """,
            $"""
            {IntoStoreMinutes}
            SELECT minute, store_id, retailer_id, sum(revenue), sum(transactions), 0 FROM (
                SELECT date_trunc('minute', invoiced_at) AS minute, store_id, retailer_id, sum(line_amount) AS revenue, 0 AS transactions
                FROM batch_sales WHERE invoiced_at >= @cutoff GROUP BY 1, 2, 3
                UNION ALL
                SELECT date_trunc('minute', invoiced_at), store_id, retailer_id, 0, count(*)
                FROM batch_invoices WHERE is_new AND invoiced_at >= @cutoff GROUP BY 1, 2, 3) m
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (minute, store_id, retailer_id) DO UPDATE SET
                revenue = w.revenue + excluded.revenue, transactions = w.transactions + excluded.transactions
            """,
        ],
        "SELECT count(*) FROM incoming i JOIN fresh USING (event_id) WHERE i.invoiced_at < @cutoff");

    /// <summary>A refund's invoice is its original transaction's (as its event named it), or the id it gave.</summary>
    private const string OriginalInvoice = """
        coalesce((SELECT t.invoice FROM live_events t WHERE t.retailer_id = r.retailer_id AND t.kind = 's' AND t.event_id = i.invoice), i.invoice)
        """;

    public static readonly Steps Refunds = new(
        DimensionSql.FromStage("refunded_at", "description", "country", "is_non_product", "incoming"),
        Fresh('r', "refunded_at", OriginalInvoice, "i.amount", "i.reason"),
        FactRows.InsertRefunds(Numbered("refunds", $"""
            SELECT i.line_number, i.event_id AS refund_code, {OriginalInvoice} AS original_invoice, p.product_id, s.store_id, c.customer_id,
                   r.retailer_id, @feed AS upload_id, i.quantity, i.amount, i.reason, i.refunded_at
            FROM incoming i JOIN fresh USING (event_id) {Resolved}
            """, "refund_code", "product_id", "refunded_at", "quantity", "amount"), order: "refund_code", keptIn: "batch_refunds"),
        Batch,
        [
            $"""
            {IntoMinutes}
            SELECT date_trunc('minute', refunded_at), store_id, product_id, retailer_id, 0, 0, sum(amount)
            FROM batch_refunds WHERE refunded_at >= @cutoff GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (minute, store_id, product_id, retailer_id) DO UPDATE SET refunds = w.refunds + excluded.refunds
            """,
            $"""
            {IntoStoreMinutes}
            SELECT date_trunc('minute', refunded_at), store_id, retailer_id, 0, 0, sum(amount)
            FROM batch_refunds WHERE refunded_at >= @cutoff GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (minute, store_id, retailer_id) DO UPDATE SET refunds = w.refunds + excluded.refunds
            """,
        ],
        "SELECT count(*) FROM incoming i JOIN fresh USING (event_id) WHERE i.refunded_at < @cutoff");
}
