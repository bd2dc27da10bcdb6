using RetailInsights.Web.Dashboards.Filters;

namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// The two heat maps: gross revenue by store × product category (agg_category_daily; rows read ∝ days × stores ×
/// categories) and transactions by store × hour of day (agg_store_hourly; rows read ∝ days × stores × opening hours).
/// Rows returned ∝ stores × categories or stores × 24.
/// </summary>
public sealed class StoreHeatMapQueries(DashboardDatabase database)
{
    public async Task<HeatMapGrid> CategoriesAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var cells = await CellsAsync("""
            SELECT a.store_id, a.category, sum(a.gross) FROM agg_category_daily a WHERE {rows} GROUP BY 1, 2
            """, filter, r => r.GetString(1), cancellationToken);
        return HeatMapGrid.Bin(cells, HeatMapGrid.ColumnsByTotal(cells, last: ""), FilterChoices.CategoryLabel);
    }

    public async Task<HeatMapGrid> HoursAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var cells = await CellsAsync("""
            SELECT a.store_id, a.hour, sum(a.invoices) FROM agg_store_hourly a WHERE {rows} GROUP BY 1, 2
            """, filter, r => (int)r.GetInt16(1), cancellationToken);
        return HeatMapGrid.Bin(cells, HeatMapGrid.HourSpan(cells.Select(c => c.Column)), hour => $"{hour:00}:00");
    }

    private async Task<List<(string Row, TColumn Column, decimal Value)>> CellsAsync<TColumn>(string sql, DashboardFilter filter,
        Func<Npgsql.NpgsqlDataReader, TColumn> column, CancellationToken cancellationToken)
    {
        var stores = (await StoreDimension.ReadAsync(database, cancellationToken)).ToDictionary(s => s.Id, s => s.Info.Label);
        var rows = await database.ListAsync(sql.Replace("{rows}", FilterSql.Rows("a"), StringComparison.Ordinal), filter,
            r => (Store: r.GetInt32(0), Column: column(r), Value: r.GetDecimal(2)), cancellationToken);
        return rows.Where(r => stores.ContainsKey(r.Store)).Select(r => (stores[r.Store], r.Column, r.Value)).ToList();
    }
}
