namespace RetailInsights.Core.Generation;

/// <summary>The registered customers and, for the day being generated, which of them may come and how often.</summary>
internal sealed class CustomerPopulation
{
    private const int FirstCustomerId = 10001;
    private const double HomeStoreLoyalty = 0.85;

    private static readonly WeightedPicker PersonaPicker = new([0.08, 0.30, 0.37, 0.10, 0.15]);

    private readonly GeneratedCustomer[] _customers;
    private readonly int[] _active;
    private readonly double[] _cumulative;
    private int _activeCount;

    public CustomerPopulation(int count, int days, Random random)
    {
        var homeStores = new WeightedPicker(DemoCatalog.StoreTraffic);
        var drafts = new GeneratedCustomer[count];
        for (var i = 0; i < count; i++)
            drafts[i] = Draft((CustomerPersona)PersonaPicker.Pick(random), days, homeStores.Pick(random), random);

        // Ids in order of first purchase, as a loyalty scheme hands them out; the index breaks ties deterministically.
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => drafts[a].FirstDay != drafts[b].FirstDay
            ? drafts[a].FirstDay.CompareTo(drafts[b].FirstDay)
            : a.CompareTo(b));
        _customers = new GeneratedCustomer[count];
        for (var rank = 0; rank < count; rank++)
            _customers[rank] = drafts[order[rank]] with { Id = FirstCustomerId + rank };

        _active = new int[count];
        _cumulative = new double[count];
    }

    public int Count => _customers.Length;

    public GeneratedCustomer this[int index] => _customers[index];

    /// <summary>Restricts the next picks to the customers active on day <paramref name="dayIndex"/>.</summary>
    public void PrepareDay(int dayIndex)
    {
        _activeCount = 0;
        double sum = 0;
        for (var i = 0; i < _customers.Length; i++)
        {
            var customer = _customers[i];
            if (dayIndex < customer.FirstDay || dayIndex > customer.LastDay)
                continue;
            sum += customer.VisitWeight;
            _active[_activeCount] = i;
            _cumulative[_activeCount] = sum;
            _activeCount++;
        }
    }

    /// <summary>Index of a customer active today, or -1 when nobody is.</summary>
    public int PickActive(Random random) =>
        _activeCount == 0 ? -1 : _active[WeightedPicker.PickFrom(_cumulative, _activeCount, random)];

    /// <summary>The store a customer shops at this time: mostly the home store.</summary>
    public static int PickStore(GeneratedCustomer customer, WeightedPicker stores, Random random) =>
        random.NextDouble() < HomeStoreLoyalty ? customer.HomeStore : stores.Pick(random);

    private static GeneratedCustomer Draft(CustomerPersona persona, int days, int homeStore, Random random)
    {
        var lastDay = days - 1;
        return persona switch
        {
            CustomerPersona.Champion => new(0, persona, 8.0, 0, lastDay, homeStore, 0.7),
            CustomerPersona.Regular => new(0, persona, 2.5, 0, lastDay, homeStore, 0.2),
            CustomerPersona.Occasional => new(0, persona, 0.6, 0, lastDay, homeStore, 0),
            CustomerPersona.New => NewCustomer(days, homeStore, random),
            _ => new(0, persona, 2.5, 0, (int)(days * (0.1 + 0.35 * random.NextDouble())), homeStore, 0.2),
        };
    }

    private static GeneratedCustomer NewCustomer(int days, int homeStore, Random random)
    {
        var window = Math.Clamp(days / 3, 1, 14);
        return new(0, CustomerPersona.New, 2.5, days - window + random.Next(window), days - 1, homeStore, 0.2);
    }
}
