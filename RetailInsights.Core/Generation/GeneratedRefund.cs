namespace RetailInsights.Core.Generation;

/// <summary>A refund waiting for the refunds file of its date; customer id 0 means anonymous.</summary>
internal sealed record GeneratedRefund(
    DateTime RefundedAt, string Invoice, string StockCode, int Quantity, decimal Amount, string Reason, int StoreIndex, int CustomerId);
