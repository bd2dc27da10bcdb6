using System.Globalization;

namespace RetailInsights.Core.Generation;

/// <summary>One line of a live sale: what a till sends per scanned item.</summary>
public sealed record LiveLine(string StockCode, int Quantity, decimal UnitPrice);

/// <summary>A sale as a point-of-sale system sends it the moment it happens.</summary>
public sealed record LiveInvoice(string Invoice, string StoreCode, string? CustomerCode, IReadOnlyList<LiveLine> Lines);

/// <summary>
/// Sales one at a time, as tills ring them up: the demo generator's catalog, stores, customers (with their habits)
/// and planted associations, so a live feed looks like the daily files. Invoice numbers carry a prefix, so two runs
/// never send the same transaction id.
/// </summary>
public sealed class LiveSaleGenerator
{
    private readonly GenerationRun _run;
    private readonly string _prefix;
    // Customers join and leave over the generator's days: the middle ones have most of them shopping.
    private const int Days = 90;
    private readonly Queue<GeneratedInvoice> _pending = new();
    private int _day;

    /// <param name="prefix">Put before every invoice number (e.g. the run's start time).</param>
    public LiveSaleGenerator(string prefix, int seed = 42, int invoicesPerDay = 5000)
    {
        _prefix = prefix;
        _run = new GenerationRun(new GeneratorOptions
        {
            EndDate = DateOnly.FromDateTime(DateTime.UtcNow),
            Days = Days,
            Seed = seed,
            InvoicesPerDay = invoicesPerDay,
            Customers = 4 * invoicesPerDay,
        });
    }

    public LiveInvoice Next()
    {
        while (_pending.Count == 0)
            foreach (var invoice in _run.GenerateDay(Days / 2 + _day++ % (Days / 2), DateOnly.FromDateTime(DateTime.UtcNow)))
                _pending.Enqueue(invoice);
        var next = _pending.Dequeue();
        return new LiveInvoice(_prefix + next.Invoice, DemoCatalog.Stores[next.StoreIndex].StoreCode,
            next.CustomerId == 0 ? null : next.CustomerId.ToString(CultureInfo.InvariantCulture),
            next.Lines.Select(l => new LiveLine(l.StockCode, l.Quantity, l.Price)).ToList());
    }
}
