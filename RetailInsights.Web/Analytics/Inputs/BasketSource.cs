using RetailInsights.Web.Warehouse;
using System.Runtime.CompilerServices;
using Npgsql;

namespace RetailInsights.Web.Analytics.Inputs;

/// <summary>
/// Streams the baskets that mining reads: one (invoice, stock code) pair per distinct item of a sale invoice in the
/// window, leaving out returns (they are refunds, never facts), zero-price lines and, by default, non-product codes.
/// The same stream feeds the miner and the baskets export, so the exported baskets are exactly those mined.
/// </summary>
public sealed class BasketSource(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<(string Invoice, string StockCode)> StreamAsync(BasketQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = await WindowAsync(query, cancellationToken);
        await using var command = dataSource.CreateCommand($"""
            SELECT f.invoice, p.stock_code
            FROM fact_sales f JOIN dim_product p ON p.product_id = f.product_id
            WHERE f.unit_price > 0 AND f.date_key BETWEEN @from AND @to {(query.IncludeNonProducts ? "" : "AND NOT p.is_non_product")}
            GROUP BY f.invoice, p.stock_code
            ORDER BY f.invoice, p.stock_code
            """);
        command.Parameters.AddWithValue("from", DateKeys.Of(from));
        command.Parameters.AddWithValue("to", DateKeys.Of(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return (reader.GetString(0), reader.GetString(1));
    }

    /// <summary>The window's first and last day: <see cref="BasketQuery.Days"/> days ending on the latest sales day.</summary>
    public async Task<(DateOnly From, DateOnly To)> WindowAsync(BasketQuery query, CancellationToken cancellationToken)
    {
        var to = query.To;
        if (to is null)
        {
            await using var latest = dataSource.CreateCommand("SELECT max(date_key) FROM fact_sales");
            to = await latest.ExecuteScalarAsync(cancellationToken) is int key
                ? DateKeys.Day(key)
                : DateOnly.FromDateTime(DateTime.UtcNow);
        }
        return (to.Value.AddDays(1 - query.Days), to.Value);
    }
}
