using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Dashboards.Segments.Customer;

/// <summary>Who the customer is and where the latest run put them (null parts: not known to the facts, or not scored).</summary>
public sealed record CustomerProfile(string Code, int? CustomerId, string? Country, CustomerRun? Run, RunCustomer? Latest, CustomerCluster? Cluster);

public sealed record CustomerRun(long RunId, DateOnly AsOf);

public sealed record CustomerCluster(int Cluster, string Label, string Action);

public sealed record CustomerRunEntry(long RunId, DateOnly AsOf, string Segment, short R, short F, short M, int Cluster);

/// <summary>Everything the customer bought (transactions, their gross and lines) and was refunded.</summary>
public sealed record CustomerTotals(long Invoices, decimal Gross, long Lines, DateTime? FirstAt, DateTime? LastAt, long Refunds, decimal Refunded)
{
    public decimal AverageBasket => Invoices == 0 ? 0 : Math.Round(Gross / Invoices, 2);
}

/// <summary>A week (starting on Monday) of the customer's purchases.</summary>
public sealed record CustomerWeek(DateOnly Week, long Invoices, decimal Gross);

public sealed record CustomerInvoice(string Invoice, DateTime At, string Store, long Lines, decimal Amount);

/// <summary>A product over the customer's recent invoices: quantity, spend, and how many of those invoices held it.</summary>
public sealed record CustomerProduct(string StockCode, string? Description, long Quantity, decimal Spend, long Invoices);

public sealed record CustomerRefund(DateTime At, string OriginalInvoice, string StockCode, string? Description, int Quantity, decimal Amount, string Reason);
