using System.Globalization;
using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>
/// Writes deterministic demo files for an Indonesian minimarket chain: daily transactions in the UCI Online
/// Retail II layout (plus StoreId), daily refunds, the product catalog and the store locations. Every random
/// draw comes from one seeded <see cref="Random"/> in a fixed order, so the same options give the same bytes.
/// </summary>
public sealed class DemoDataGenerator
{
    private const double AnonymousShare = 0.113; // anonymous baskets are smaller: ~10% of lines
    private const double HomeStoreShare = 0.85;
    private const double ZeroPriceShare = 0.0235; // planted consequents and fees are never free: ~2% of lines
    private const double AdminFeePerInvoice = 0.04;
    private const double RefundedLineShare = 0.10;
    private const double CancelledInvoiceShare = 0.015;
    private const int MaxRefundDelayDays = 14;
    private const string Country = "Indonesia";

    private static readonly double[] HourWeights = [3, 5, 6, 5, 6, 7, 6, 5, 5, 6, 7, 8, 8, 6, 4, 2]; // 07:00–22:00
    private static readonly double[] QuantityWeights = [60, 25, 10, 3, 1.5, 0.5];
    private static readonly double[] ReasonWeights = [35, 15, 20, 20, 10];

    public GenerationSummary Generate(GeneratorOptions options, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InvoicesPerDay, 1);
        Directory.CreateDirectory(outputDirectory);
        var run = new Run(options, outputDirectory);
        run.WriteDimensions();
        for (var day = options.StartDate; day <= options.EndDate; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.WriteDay(day);
        }
        return run.Summary();
    }

    private sealed class Run(GeneratorOptions options, string directory)
    {
        private readonly Random _random = new(options.Seed);
        private readonly BasketBuilder _baskets = new();
        private readonly WeightedSampler _stores = new(DemoCatalog.StoreTraffic);
        private readonly WeightedSampler _hours = new(HourWeights);
        private readonly WeightedSampler _quantities = new(QuantityWeights);
        private readonly WeightedSampler _reasons = new(ReasonWeights);
        private readonly SortedDictionary<DateOnly, List<RefundRow>> _pendingRefunds = [];
        private readonly SortedDictionary<DateOnly, List<Invoice>> _pendingCancellations = [];
        private readonly List<string> _files = [];
        private IReadOnlyList<DemoCustomer> _customers = [];
        private long _nextInvoice = 536000;
        private long _nextRefund = 1;
        private long _invoices, _lines, _refunds, _cancellations;

        public void WriteDimensions()
        {
            _customers = DemoCustomer.CreatePopulation(options, _random);
            using (var catalog = Open("product_catalog.csv", CsvLayouts.ProductCatalog))
                foreach (var p in DemoCatalog.Products)
                    catalog.WriteRow([p.StockCode, p.Description, p.Category, CsvLineWriter.Number(p.BasePrice)]);
            using var stores = Open("store_locations.csv", CsvLayouts.StoreLocations);
            foreach (var s in DemoCatalog.Stores)
                stores.WriteRow([s.StoreId, s.Name, s.City, s.Region, CsvLineWriter.Number(s.SizeSqFt)]);
        }

        public void WriteDay(DateOnly day)
        {
            var invoices = DrawInvoices(day);
            foreach (var invoice in invoices.OrderBy(i => i.At))
                invoice.Number = (_nextInvoice++).ToString(CultureInfo.InvariantCulture);
            foreach (var invoice in invoices)
                ScheduleAftermath(invoice);
            if (_pendingCancellations.Remove(day, out var cancellations))
                invoices.AddRange(cancellations);

            using (var file = Open($"transactions_{day:yyyy-MM-dd}.csv", CsvLayouts.Transactions))
                foreach (var invoice in invoices.OrderBy(i => i.At).ThenBy(i => i.Number, StringComparer.Ordinal))
                    foreach (var line in invoice.Lines)
                    {
                        file.WriteRow([invoice.Number!, line.StockCode, line.Description, CsvLineWriter.Number(line.Quantity),
                            CsvLineWriter.Timestamp(invoice.At), CsvLineWriter.Number(line.Price), invoice.Customer?.Id ?? "",
                            Country, DemoCatalog.Stores[invoice.Store].StoreId]);
                        _lines++;
                    }

            if (_pendingRefunds.Remove(day, out var refunds))
            {
                using var file = Open($"refunds_{day:yyyy-MM-dd}.csv", CsvLayouts.Refunds);
                foreach (var r in refunds.OrderBy(r => r.At).ThenBy(r => r.Invoice, StringComparer.Ordinal).ThenBy(r => r.StockCode, StringComparer.Ordinal))
                {
                    file.WriteRow([$"R{_nextRefund++:D7}", r.Invoice, r.StockCode, CsvLineWriter.Number(r.Quantity),
                        CsvLineWriter.Number(r.Quantity * r.Price), r.Reason, CsvLineWriter.Timestamp(r.At),
                        DemoCatalog.Stores[r.Store].StoreId, r.CustomerId ?? ""]);
                    _refunds++;
                }
            }
        }

        public GenerationSummary Summary() =>
            new(_files, _invoices, _lines, _refunds, _cancellations, _customers.Count);

        private List<Invoice> DrawInvoices(DateOnly day)
        {
            var factor = day.DayOfWeek switch
            {
                DayOfWeek.Saturday or DayOfWeek.Sunday => 1.15,
                DayOfWeek.Friday => 1.05,
                _ => 0.95,
            };
            var count = Math.Max(1, (int)Math.Round(options.InvoicesPerDay * factor * (0.95 + 0.1 * _random.NextDouble())));
            var shoppers = new WeightedSampler(_customers.Select(c => c.IsActiveOn(day) ? c.Persona.VisitWeight : 0).ToArray());
            var invoices = new List<Invoice>(count);
            for (var i = 0; i < count; i++)
            {
                var customer = _random.NextDouble() < AnonymousShare || shoppers.IsEmpty ? null : _customers[shoppers.Next(_random)];
                var store = customer is not null && _random.NextDouble() < HomeStoreShare ? customer.HomeStore : _stores.Next(_random);
                var at = day.ToDateTime(new TimeOnly(7 + _hours.Next(_random), _random.Next(60), _random.Next(60)));
                var invoice = new Invoice(at, store, customer);
                foreach (var product in _baskets.Build(_random, customer?.Persona.ExtraItems ?? 0))
                {
                    var info = DemoCatalog.Products[product];
                    var zeroPrice = !_baskets.IsPlantedConsequent(product) && _random.NextDouble() < ZeroPriceShare;
                    invoice.Lines.Add(new Line(info.StockCode, info.Description, _quantities.Next(_random) + 1, zeroPrice ? 0 : info.BasePrice));
                }
                if (_random.NextDouble() < AdminFeePerInvoice)
                {
                    var fee = _random.Next(NonProductCodes.GeneratorAdminFees.Count);
                    invoice.Lines.Add(new Line(NonProductCodes.GeneratorAdminFees[fee], fee == 0 ? "Biaya Admin Pembayaran" : "Biaya Isi Ulang",
                        1, DemoCatalog.AdminFeePrices[fee]));
                }
                invoices.Add(invoice);
            }
            _invoices += count;
            return invoices;
        }

        // Refunds of single lines, days later, and whole or partial cancellations as C-invoices.
        private void ScheduleAftermath(Invoice invoice)
        {
            foreach (var line in invoice.Lines)
            {
                if (line.Price <= 0 || NonProductCodes.IsNonProduct(line.StockCode) || _random.NextDouble() >= RefundedLineShare)
                    continue;
                var days = _random.Next(MaxRefundDelayDays + 1);
                var at = days == 0 ? SameDayLater(invoice.At, 30 + _random.Next(240)) : RandomTimeOn(DateOnly.FromDateTime(invoice.At).AddDays(days));
                var refund = new RefundRow(invoice.Number!, line.StockCode, 1 + _random.Next(line.Quantity), line.Price,
                    RefundReasons.FromRefundFiles[_reasons.Next(_random)], at, invoice.Store, invoice.Customer?.Id);
                Pending(_pendingRefunds, DateOnly.FromDateTime(at)).Add(refund);
            }

            if (_random.NextDouble() >= CancelledInvoiceShare)
                return;
            var cancelDays = _random.Next(4);
            var cancelledAt = cancelDays == 0 ? SameDayLater(invoice.At, 5 + _random.Next(120)) : RandomTimeOn(DateOnly.FromDateTime(invoice.At).AddDays(cancelDays));
            var cancellation = new Invoice(cancelledAt, invoice.Store, invoice.Customer) { Number = "C" + invoice.Number };
            foreach (var line in invoice.Lines)
                if (cancellation.Lines.Count == 0 || _random.NextDouble() < 0.5)
                    cancellation.Lines.Add(line with { Quantity = -(1 + _random.Next(line.Quantity)) });
            Pending(_pendingCancellations, DateOnly.FromDateTime(cancelledAt)).Add(cancellation);
            _cancellations++;
        }

        // Stores close at 23:00: a same-day refund or cancellation happens before closing.
        private static DateTime SameDayLater(DateTime after, int minutes)
        {
            var closing = after.Date.AddHours(23).AddSeconds(-1);
            var at = after.AddMinutes(minutes);
            return at < closing ? at : new DateTime(Math.Max(after.Ticks, closing.Ticks));
        }

        private DateTime RandomTimeOn(DateOnly day) =>
            day.ToDateTime(new TimeOnly(8 + _random.Next(13), _random.Next(60), _random.Next(60)));

        private static List<T> Pending<T>(SortedDictionary<DateOnly, List<T>> pending, DateOnly day)
        {
            if (!pending.TryGetValue(day, out var list))
                pending[day] = list = [];
            return list;
        }

        private CsvLineWriter Open(string name, IReadOnlyList<string> header)
        {
            var path = Path.Combine(directory, name);
            _files.Add(path);
            return new CsvLineWriter(path, header);
        }
    }

    private sealed class Invoice(DateTime at, int store, DemoCustomer? customer)
    {
        public DateTime At { get; } = at;
        public int Store { get; } = store;
        public DemoCustomer? Customer { get; } = customer;
        public string? Number { get; set; }
        public List<Line> Lines { get; } = [];
    }

    private sealed record Line(string StockCode, string Description, int Quantity, decimal Price);

    private sealed record RefundRow(string Invoice, string StockCode, int Quantity, decimal Price, string Reason,
        DateTime At, int Store, string? CustomerId);
}
