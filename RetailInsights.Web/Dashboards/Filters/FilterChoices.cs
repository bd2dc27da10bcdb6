namespace RetailInsights.Web.Dashboards.Filters;

public sealed record StoreChoice(string Code, string? Name, string? City, string? Region)
{
    public string Label => Name is null ? Code : $"{Code} · {Name}";
}

/// <summary>What a filter can be set to: the stores, regions, categories and source systems the dimensions know.</summary>
public sealed record FilterChoices(IReadOnlyList<StoreChoice> Stores, IReadOnlyList<string> Regions, IReadOnlyList<string> Categories,
    IReadOnlyList<string> Sources)
{
    public static readonly FilterChoices None = new([], [], [], []);

    /// <summary>How a category reads: products no catalog categorized are "uncategorized".</summary>
    public static string CategoryLabel(string category) => category.Length == 0 ? "uncategorized" : category;
}

/// <summary>Reads the filter's choices from the dimension tables (small: stores, categories and sources, not products).</summary>
public sealed class FilterChoiceQueries(DashboardDatabase database)
{
    public async Task<FilterChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var stores = await database.ListAsync("SELECT store_code, name, city, region FROM dim_store ORDER BY store_code", null,
            r => new StoreChoice(r.GetString(0), Maybe(r, 1), Maybe(r, 2), Maybe(r, 3)), cancellationToken);
        var categories = await database.ListAsync(
            "SELECT DISTINCT coalesce(category, '') FROM dim_product WHERE NOT is_non_product ORDER BY 1", null, r => r.GetString(0), cancellationToken);
        var sources = await database.ListAsync("SELECT code FROM dim_retailer ORDER BY code", null, r => r.GetString(0), cancellationToken);
        return new FilterChoices(stores, stores.Select(s => s.Region).OfType<string>().Distinct().Order().ToList(), categories, sources);
    }

    private static string? Maybe(Npgsql.NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
