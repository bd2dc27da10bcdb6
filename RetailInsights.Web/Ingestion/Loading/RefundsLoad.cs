using Npgsql;
using NpgsqlTypes;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>A refunds file: each line a refund of its invoice, linked to the product, store and customer.</summary>
internal sealed class RefundsLoad(MemoryBudget budget) : KindLoad<RefundRow>(budget)
{
    protected override string StageColumns => """
        refund_code text, invoice text, stock_code text, quantity integer, amount numeric, reason text, refunded_at timestamp,
        store_code text, customer_code text
        """;

    public override int FieldCount => 9;

    public override void WriteStaged(NpgsqlBinaryImporter copy, RefundRow r)
    {
        Text(copy, r.RefundId);
        Text(copy, r.Invoice);
        Text(copy, r.StockCode);
        copy.Write(r.Quantity, NpgsqlDbType.Integer);
        copy.Write(r.Amount, NpgsqlDbType.Numeric);
        Text(copy, r.Reason);
        copy.Write(r.RefundedAt, NpgsqlDbType.Timestamp);
        Text(copy, r.StoreCode);
        Text(copy, r.CustomerId);
        Dimensions.AddRefund(PgText.Clean(r.StockCode), r.RefundedAt, PgText.Clean(r.StoreCode), PgText.Clean(r.CustomerId));
    }

    public override IReadOnlyList<string> DimensionsFromStage { get; } = DimensionSql.FromStage("refunded_at", "NULL::text", "NULL::text", "false");

    public override IReadOnlyList<string> FactsFromStage { get; } =
    [
        FactRows.InsertRefunds($"""
            SELECT f.refund_code, f.invoice AS original_invoice, p.product_id, s.store_id, c.customer_id, r.retailer_id, @upload AS upload_id,
                   f.quantity, f.amount, f.reason, f.refunded_at, f.occurrence AS line_occurrence
            FROM (SELECT *, row_number() OVER (PARTITION BY refund_code, stock_code, refunded_at, quantity, amount
                                               ORDER BY line_number) AS occurrence
                  FROM stage WHERE reason_codes IS NULL) f
            {FactRows.ResolveCodes("f")}
            """),
    ];

    /// <summary>The file's refunds, now facts, added to the summaries (it has no sales).</summary>
    public override Task AfterFactsAsync(LoadContext context, CancellationToken cancellationToken) =>
        Summaries.ApplyRefundsAsync(context.Connection, SummaryBatch.ForUpload(context.UploadId), cancellationToken);
}
