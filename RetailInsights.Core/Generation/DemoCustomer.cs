namespace RetailInsights.Core.Generation;

/// <summary>One generated customer: when they shop, how often, and at which store they usually do.</summary>
internal sealed record DemoCustomer(string Id, CustomerPersona Persona, DateOnly ActiveFrom, DateOnly ActiveUntil, int HomeStore)
{
    public bool IsActiveOn(DateOnly day) => day >= ActiveFrom && day <= ActiveUntil;

    public static IReadOnlyList<DemoCustomer> CreatePopulation(GeneratorOptions options, Random random)
    {
        var customers = new List<DemoCustomer>(options.CustomerCount);
        var start = options.StartDate;
        var end = options.EndDate;
        for (var i = 0; i < options.CustomerCount; i++)
        {
            var persona = Pick(random);
            var (from, until) = persona.Name switch
            {
                // New customers first shop in the last three weeks (or the last third of a short period).
                "new" => (end.AddDays(-random.Next(Math.Min(21, Math.Max(1, options.Days / 3)))), end),
                // Lapsed customers stop somewhere in the first 60% of the period.
                "lapsed" => (start, start.AddDays(random.Next(Math.Max(1, options.Days * 6 / 10)))),
                _ => (start, end),
            };
            var store = WeightedIndex(DemoCatalog.StoreTraffic, random.NextDouble());
            customers.Add(new DemoCustomer((12000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), persona, from, until, store));
        }
        return customers;
    }

    private static CustomerPersona Pick(Random random)
    {
        var roll = random.NextDouble();
        foreach (var persona in CustomerPersona.All)
        {
            roll -= persona.Share;
            if (roll < 0)
                return persona;
        }
        return CustomerPersona.All[^1];
    }

    internal static int WeightedIndex(IReadOnlyList<double> weights, double unitRoll)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
            total += weights[i];
        var roll = unitRoll * total;
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
                return i;
        }
        return weights.Count - 1;
    }
}
