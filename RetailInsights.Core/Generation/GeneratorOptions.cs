namespace RetailInsights.Core.Generation;

/// <summary>What <see cref="DemoDataGenerator"/> produces; the same options always give byte-identical files.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The last day generated (inclusive); the caller decides, typically yesterday in UTC.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>Number of days ending with <see cref="EndDate"/>.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Seed of the random source; another seed gives other files.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Average sale invoices per day over all stores (weekends busier, weekdays quieter).</summary>
    public int InvoicesPerDay { get; init; } = 500;

    /// <summary>Registered customers; about four per daily invoice keeps the personas' visit rates realistic.</summary>
    public int Customers { get; init; } = 2000;

    /// <summary>
    /// Share of sale invoices bought without a customer id. Customers' baskets run a little bigger than anonymous
    /// ones, so the default 0.11 leaves about 10% of sale lines without a customer.
    /// </summary>
    public double AnonymousInvoiceShare { get; init; } = 0.11;

    /// <summary>Share of sale lines given away at price 0 (promotions).</summary>
    public double ZeroPriceLineShare { get; init; } = 0.02;

    /// <summary>Share of sale lines that are admin fees (<see cref="Domain.NonProductCodes.GeneratorAdminFees"/>).</summary>
    public double AdminFeeLineShare { get; init; } = 0.01;

    /// <summary>Share of sale lines refunded through the refund files (before dropping refunds after the end date).</summary>
    public double RefundLineShare { get; init; } = 0.10;

    /// <summary>Share of sale invoices later cancelled by a <c>C</c>-invoice.</summary>
    public double CancelledInvoiceShare { get; init; } = 0.015;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Days, 3660, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfLessThan(InvoicesPerDay, 1, nameof(InvoicesPerDay));
        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 1, nameof(Customers));
        CheckShare(AnonymousInvoiceShare, nameof(AnonymousInvoiceShare));
        CheckShare(ZeroPriceLineShare, nameof(ZeroPriceLineShare));
        CheckShare(AdminFeeLineShare, nameof(AdminFeeLineShare));
        CheckShare(RefundLineShare, nameof(RefundLineShare));
        CheckShare(CancelledInvoiceShare, nameof(CancelledInvoiceShare));
        if (ZeroPriceLineShare + AdminFeeLineShare + RefundLineShare > 0.9)
            throw new ArgumentException("Zero-price, admin-fee and refund shares together must stay below 0.9.");
    }

    private static void CheckShare(double share, string name)
    {
        if (double.IsNaN(share) || share < 0 || share > 0.5)
            throw new ArgumentOutOfRangeException(name, share, "A share must lie between 0 and 0.5.");
    }
}
