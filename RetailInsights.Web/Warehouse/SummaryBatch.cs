namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The facts one batch has just added, as the summaries' incremental SQL reads them: the batch's sales and refunds,
/// and how to tell a sale row <c>o</c> of the batch from the others (an invoice with lines outside the batch was already
/// counted). An upload's facts carry its id; live events (a later source) name theirs another way.
/// </summary>
public sealed record SummaryBatch(string Sales, string Refunds, string SaleInBatch, long BatchId)
{
    public static SummaryBatch ForUpload(long uploadId) => new(
        "(SELECT * FROM fact_sales WHERE upload_id = @batch)",
        "(SELECT * FROM refunds WHERE upload_id = @batch)",
        "o.upload_id = @batch",
        uploadId);
}
