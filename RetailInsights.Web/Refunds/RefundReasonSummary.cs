namespace RetailInsights.Web.Refunds;

public sealed record RefundReasonSummary(string Reason, long Refunds, decimal Amount);
