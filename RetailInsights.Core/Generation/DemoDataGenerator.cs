namespace RetailInsights.Core.Generation;

/// <summary>
/// Writes a deterministic demo data set for the <see cref="DemoCatalog"/> minimarket chain: the product catalog, the
/// store list, one transactions file per day and one refunds file per day that has refunds. It works day by day and
/// keeps only the refunds and cancellations still due for later days in memory.
/// </summary>
public sealed class DemoDataGenerator
{
    /// <summary>Writes the data set into <paramref name="outputDirectory"/> (created if missing; same-named files are replaced).</summary>
    public GenerationSummary Generate(GeneratorOptions options, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        Directory.CreateDirectory(outputDirectory);

        var files = new List<string>(2 + options.Days * 2);
        var catalogPath = Path.Combine(outputDirectory, DemoCsvFiles.CatalogFileName);
        DemoCsvFiles.WriteCatalog(catalogPath);
        files.Add(catalogPath);
        var storesPath = Path.Combine(outputDirectory, DemoCsvFiles.StoresFileName);
        DemoCsvFiles.WriteStores(storesPath);
        files.Add(storesPath);

        var run = new GenerationRun(options);
        var firstDate = options.EndDate.AddDays(1 - options.Days);
        long lines = 0, refunds = 0, cancellations = 0;
        var lastRefundNumber = 0;
        for (var day = 0; day < options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = firstDate.AddDays(day);

            var invoices = run.GenerateDay(day, date);
            var dueCancellations = run.TakeCancellations(day);
            if (dueCancellations.Count > 0)
            {
                invoices.AddRange(dueCancellations);
                invoices.Sort(ByTimeThenInvoice);
                cancellations += dueCancellations.Count;
            }
            var transactionsPath = Path.Combine(outputDirectory, DemoCsvFiles.TransactionsFileName(date));
            lines += DemoCsvFiles.WriteTransactions(transactionsPath, invoices);
            files.Add(transactionsPath);

            var dueRefunds = run.TakeRefunds(day);
            if (dueRefunds.Count > 0)
            {
                dueRefunds.Sort(ByRefundTime);
                var refundsPath = Path.Combine(outputDirectory, DemoCsvFiles.RefundsFileName(date));
                DemoCsvFiles.WriteRefunds(refundsPath, dueRefunds, ref lastRefundNumber);
                files.Add(refundsPath);
                refunds += dueRefunds.Count;
            }
        }

        return new GenerationSummary(files, firstDate, options.EndDate, run.SaleInvoices, lines, refunds, cancellations,
            run.CustomersWhoBought);
    }

    private static int ByTimeThenInvoice(GeneratedInvoice a, GeneratedInvoice b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Invoice, b.Invoice);
    }

    private static int ByRefundTime(GeneratedRefund a, GeneratedRefund b)
    {
        var byTime = a.RefundedAt.CompareTo(b.RefundedAt);
        if (byTime != 0)
            return byTime;
        var byInvoice = string.CompareOrdinal(a.Invoice, b.Invoice);
        return byInvoice != 0 ? byInvoice : string.CompareOrdinal(a.StockCode, b.StockCode);
    }
}
