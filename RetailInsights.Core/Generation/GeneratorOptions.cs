namespace RetailInsights.Core.Generation;

/// <summary>What the demo data generator writes. The same options always give byte-identical files.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Days of transactions, ending on <see cref="EndDate"/>.</summary>
    public int Days { get; init; } = 30;

    public int Seed { get; init; } = 42;

    /// <summary>The last day written (callers usually pass yesterday).</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>Invoices per day over all stores, before the weekday/weekend swing.</summary>
    public int InvoicesPerDay { get; init; } = 500;

    /// <summary>Size of the customer population; by default four per daily invoice.</summary>
    public int? Customers { get; init; }

    public DateOnly StartDate => EndDate.AddDays(1 - Days);

    public int CustomerCount => Customers ?? Math.Max(50, InvoicesPerDay * 4);
}
