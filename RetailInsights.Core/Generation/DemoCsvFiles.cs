using System.Globalization;
using CsvHelper;
using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>Writes the generator's four file kinds: RFC 4180, UTF-8 without BOM, invariant numbers, canonical headers.</summary>
internal static class DemoCsvFiles
{
    private const string PriceFormat = "0.##";

    private static readonly string[] TransactionsHeader = [.. CsvLayouts.Transactions];
    private static readonly string[] RefundsHeader = [.. CsvLayouts.Refunds];
    private static readonly string[] CatalogHeader = [.. CsvLayouts.ProductCatalog];
    private static readonly string[] StoresHeader = [.. CsvLayouts.StoreLocations];

    public static string TransactionsFileName(DateOnly day) => $"transactions_{FormatDay(day)}.csv";

    public static string RefundsFileName(DateOnly day) => $"refunds_{FormatDay(day)}.csv";

    public const string CatalogFileName = "product_catalog.csv";

    public const string StoresFileName = "store_locations.csv";

    public static void WriteCatalog(string path)
    {
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default, FileOptions.None);
        csv.WriteHeader(CatalogHeader);
        foreach (var product in DemoCatalog.Products)
        {
            csv.WriteField(product.StockCode);
            csv.WriteField(product.Description);
            csv.WriteField(product.Category);
            csv.WriteField(product.BasePrice, PriceFormat);
            csv.EndRecord();
        }
    }

    public static void WriteStores(string path)
    {
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default, FileOptions.None);
        csv.WriteHeader(StoresHeader);
        foreach (var store in DemoCatalog.Stores)
        {
            csv.WriteField(store.StoreCode);
            csv.WriteField(store.Name);
            csv.WriteField(store.City);
            csv.WriteField(store.Region);
            csv.WriteField(store.SizeSqFt, "");
            csv.EndRecord();
        }
    }

    /// <summary>Writes the invoices in the order given and returns the number of lines written.</summary>
    public static long WriteTransactions(string path, IReadOnlyList<GeneratedInvoice> invoices)
    {
        long lines = 0;
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default, FileOptions.SequentialScan);
        csv.WriteHeader(TransactionsHeader);
        foreach (var invoice in invoices)
        {
            var storeCode = DemoCatalog.Stores[invoice.StoreIndex].StoreCode;
            foreach (var line in invoice.Lines)
            {
                csv.WriteField(invoice.Invoice);
                csv.WriteField(line.StockCode);
                csv.WriteField(line.Description);
                csv.WriteField(line.Quantity, "");
                csv.WriteField(invoice.Time, CsvLayouts.TimestampFormat);
                csv.WriteField(line.Price, PriceFormat);
                WriteCustomerId(csv, invoice.CustomerId);
                csv.WriteField(DemoCatalog.Country);
                csv.WriteField(storeCode);
                csv.EndRecord();
                lines++;
            }
        }
        return lines;
    }

    /// <summary>Writes the refunds in the order given, numbering them on from <paramref name="lastRefundNumber"/>.</summary>
    public static void WriteRefunds(string path, IReadOnlyList<GeneratedRefund> refunds, ref int lastRefundNumber)
    {
        using var csv = CsvWriter.ToFile(path, CsvWriterOptions.Default, FileOptions.SequentialScan);
        csv.WriteHeader(RefundsHeader);
        foreach (var refund in refunds)
        {
            lastRefundNumber++;
            csv.WriteField("R" + lastRefundNumber.ToString("D7", CultureInfo.InvariantCulture));
            csv.WriteField(refund.Invoice);
            csv.WriteField(refund.StockCode);
            csv.WriteField(refund.Quantity, "");
            csv.WriteField(refund.Amount, PriceFormat);
            csv.WriteField(refund.Reason);
            csv.WriteField(refund.RefundedAt, CsvLayouts.TimestampFormat);
            csv.WriteField(DemoCatalog.Stores[refund.StoreIndex].StoreCode);
            WriteCustomerId(csv, refund.CustomerId);
            csv.EndRecord();
        }
    }

    private static void WriteCustomerId(CsvWriter csv, int customerId)
    {
        if (customerId == 0)
            csv.WriteField(string.Empty);
        else
            csv.WriteField(customerId, "");
    }

    private static string FormatDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
