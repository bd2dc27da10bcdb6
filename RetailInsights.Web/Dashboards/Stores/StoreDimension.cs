namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>A row of dim_store: its key (store_id) and what people read of the store.</summary>
internal sealed record StoreDimensionRow(int Id, StoreProfile Info);

/// <summary>The store dimension (one row per store, read whole: stores number in the hundreds, not millions).</summary>
internal static class StoreDimension
{
    public static async Task<List<StoreDimensionRow>> ReadAsync(DashboardDatabase database, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync("SELECT store_id, store_code, name, city, region, size_sq_ft FROM dim_store ORDER BY store_code", null,
            r => new StoreDimensionRow(r.GetInt32(0), new StoreProfile(r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5))),
            cancellationToken);
        var shared = rows.GroupBy(r => r.Info.Label, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => shared.Contains(r.Info.Label) ? r with { Info = r.Info with { Label = $"{r.Info.Label} ({r.Info.Code})" } } : r).ToList();
    }

    private static string? Text(Npgsql.NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
