namespace RetailInsights.Web.Data.Entities;

/// <summary>Money given back for a sold product, from a refund file or a cancelled (C-prefixed) invoice.</summary>
public sealed class Refund
{
    public long RefundId { get; set; }

    /// <summary>The source's refund id, or the C-invoice number for a cancellation.</summary>
    public required string RefundCode { get; set; }
    public required string OriginalInvoice { get; set; }
    public int ProductId { get; set; }
    public int StoreId { get; set; }
    public int? CustomerId { get; set; }
    public int RetailerId { get; set; }
    public int DateKey { get; set; }
    public long UploadId { get; set; }
    public int Quantity { get; set; }
    public decimal Amount { get; set; }
    public required string Reason { get; set; }

    /// <summary>Which of identical lines of one file this is (see <see cref="FactSale.LineOccurrence"/>).</summary>
    public int LineOccurrence { get; set; } = 1;
    public DateTime RefundedAt { get; set; }
}
