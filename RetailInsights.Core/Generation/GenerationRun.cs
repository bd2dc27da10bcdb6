using System.Globalization;

namespace RetailInsights.Core.Generation;

/// <summary>The state of one generator run: the seeded random source, the customers and the sales of each day.</summary>
internal sealed class GenerationRun
{
    private const int FirstInvoiceNumber = 500001;

    private static readonly WeightedPicker QuantityPicker = new([62, 22, 8, 4, 2, 2]); // 1 … 6 units

    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly CustomerPopulation _customers;
    private readonly bool[] _customerBought;
    private readonly BasketBuilder _baskets = new();
    private readonly WeightedPicker _stores = new(DemoCatalog.StoreTraffic);
    private readonly decimal[,] _prices;
    private readonly ShareTracker _zeroPrices;
    private readonly FollowUpScheduler _followUps;
    private readonly List<int> _basket = new(BasketBuilder.MaxItems * 2);
    private int _nextInvoiceNumber = FirstInvoiceNumber;

    public GenerationRun(GeneratorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _customers = new CustomerPopulation(options.Customers, options.Days, _random);
        _customerBought = new bool[_customers.Count];
        _prices = StorePrices();
        _zeroPrices = new ShareTracker(options.ZeroPriceLineShare);
        _followUps = new FollowUpScheduler(options, _random);
    }

    public long SaleInvoices { get; private set; }

    public int CustomersWhoBought => _customerBought.Count(bought => bought);

    /// <summary>The day's sale invoices in time order (refunds and cancellations they cause are scheduled).</summary>
    public List<GeneratedInvoice> GenerateDay(int dayIndex, DateOnly date)
    {
        _customers.PrepareDay(dayIndex);
        var count = ShoppingCalendar.InvoiceCount(date, _options.InvoicesPerDay, _random);
        var seconds = new int[count];
        for (var i = 0; i < count; i++)
            seconds[i] = ShoppingCalendar.SaleSecondOfDay(_random);
        Array.Sort(seconds);

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var invoices = new List<GeneratedInvoice>(count + count / 20);
        foreach (var second in seconds)
        {
            var invoice = GenerateSale(midnight.AddSeconds(second));
            invoices.Add(invoice);
            _followUps.Schedule(invoice);
        }
        SaleInvoices += count;
        return invoices;
    }

    public List<GeneratedInvoice> TakeCancellations(int dayIndex) => _followUps.TakeCancellations(dayIndex);

    public List<GeneratedRefund> TakeRefunds(int dayIndex) => _followUps.TakeRefunds(dayIndex);

    private GeneratedInvoice GenerateSale(DateTime time)
    {
        var customerIndex = _random.NextDouble() < _options.AnonymousInvoiceShare ? -1 : _customers.PickActive(_random);
        int customerId = 0, store;
        double biggerBasketChance = 0;
        if (customerIndex >= 0)
        {
            var customer = _customers[customerIndex];
            _customerBought[customerIndex] = true;
            customerId = customer.Id;
            biggerBasketChance = customer.BiggerBasketChance;
            store = CustomerPopulation.PickStore(customer, _stores, _random);
        }
        else
        {
            store = _stores.Pick(_random);
        }

        _baskets.Build(BasketBuilder.DrawSize(biggerBasketChance, _random), _random, _basket);
        // An invoice gets an admin fee in proportion to its size, so that fees make up the target share of lines.
        var feeShare = _options.AdminFeeLineShare;
        var withFee = feeShare > 0 && _random.NextDouble() < feeShare / (1 - feeShare) * _basket.Count;
        if (withFee)
            _baskets.TrimTo(BasketBuilder.MaxItems - 1, _random, _basket);

        var lines = new SaleLine[_basket.Count + (withFee ? 1 : 0)];
        for (var i = 0; i < _basket.Count; i++)
        {
            var productIndex = _basket[i];
            var product = DemoCatalog.Products[productIndex];
            _zeroPrices.CountLine();
            // Rule items are never given away: a zero-price line drops out of mined baskets and would bend the confidence.
            var free = !_baskets.IsRuleItem(productIndex) && _zeroPrices.DrawEligible(_random);
            var price = free ? 0m : _prices[store, productIndex];
            lines[i] = new SaleLine(productIndex, product.StockCode, product.Description, QuantityPicker.Pick(_random) + 1, price);
        }
        if (withFee)
        {
            _zeroPrices.CountLine();
            lines[^1] = AdminFees.Pick(_random);
        }

        var number = (_nextInvoiceNumber++).ToString(CultureInfo.InvariantCulture);
        return new GeneratedInvoice(number, time, store, customerId, lines);
    }

    private static decimal[,] StorePrices()
    {
        var products = DemoCatalog.Products;
        var prices = new decimal[DemoCatalog.Stores.Count, products.Count];
        for (var s = 0; s < DemoCatalog.Stores.Count; s++)
            for (var p = 0; p < products.Count; p++)
                prices[s, p] = Math.Round(products[p].BasePrice * DemoCatalog.StorePriceFactor[s] / 100m, MidpointRounding.AwayFromZero) * 100m;
        return prices;
    }
}
