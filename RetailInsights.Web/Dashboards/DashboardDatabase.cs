using Microsoft.Extensions.Options;
using Npgsql;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards;

/// <summary>
/// Runs the dashboards' SQL — always over the summary tables and the dimensions, never the facts — with the filter's
/// parameters and a time limit, so a slow query fails its card instead of holding the page.
/// </summary>
public sealed class DashboardDatabase(NpgsqlDataSource dataSource, IOptions<DashboardOptions> options)
{
    public async Task<List<T>> ListAsync<T>(string sql, DashboardFilter? filter, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, filter, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    public async Task<T?> ScalarAsync<T>(string sql, DashboardFilter? filter, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, filter, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }

    /// <summary>The latest day with sales, or today when nothing is loaded yet (the default range ends there).</summary>
    public async Task<DateOnly> LatestDayAsync(CancellationToken cancellationToken) =>
        await ScalarAsync<int>("SELECT max(date_key) FROM agg_store_daily", null, cancellationToken) is var key and > 0
            ? DateKeys.Day(key)
            : DateOnly.FromDateTime(DateTime.UtcNow);

    private NpgsqlCommand Command(string sql, DashboardFilter? filter, (string Name, object Value)[] parameters)
    {
        var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = options.Value.QueryTimeoutSeconds;
        if (filter is not null)
            FilterSql.AddParameters(command, filter);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
