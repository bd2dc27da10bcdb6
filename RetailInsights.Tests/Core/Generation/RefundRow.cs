namespace RetailInsights.Tests.Core.Generation;

/// <summary>A refund as read back from a generated file.</summary>
public sealed record RefundRow(
    string RefundId, string Invoice, string StockCode, int Quantity, decimal Amount, string Reason, DateTime RefundedAt,
    string StoreId, string CustomerId, DateOnly FileDate);
