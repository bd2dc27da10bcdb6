using Npgsql;

namespace RetailInsights.Web.Dashboards.Refunds;

public sealed record RefundBreakdown(string Key, string? Label, long Refunds, decimal Amount)
{
    /// <summary>The key as people read it: reason codes such as changed_mind with spaces.</summary>
    public string ShownKey => Key.Replace('_', ' ');
}

/// <summary>Refunds by reason, product, store and month: set-based SQL over the refunds fact.</summary>
public sealed class RefundQueries(NpgsqlDataSource dataSource)
{
    public Task<IReadOnlyList<RefundBreakdown>> ByReasonAsync(CancellationToken cancellationToken) => QueryAsync(
        "SELECT r.reason, NULL, count(*), sum(r.amount) FROM refunds r GROUP BY 1 ORDER BY 4 DESC", cancellationToken);

    public Task<IReadOnlyList<RefundBreakdown>> ByProductAsync(int top, CancellationToken cancellationToken) => QueryAsync($"""
        SELECT p.stock_code, p.description, count(*), sum(r.amount)
        FROM refunds r JOIN dim_product p ON p.product_id = r.product_id
        GROUP BY 1, 2 ORDER BY 4 DESC LIMIT {top}
        """, cancellationToken);

    public Task<IReadOnlyList<RefundBreakdown>> ByStoreAsync(CancellationToken cancellationToken) => QueryAsync("""
        SELECT s.store_code, s.city, count(*), sum(r.amount)
        FROM refunds r JOIN dim_store s ON s.store_id = r.store_id
        GROUP BY 1, 2 ORDER BY 4 DESC
        """, cancellationToken);

    public Task<IReadOnlyList<RefundBreakdown>> ByMonthAsync(CancellationToken cancellationToken) => QueryAsync("""
        SELECT to_char(r.refunded_at, 'YYYY-MM'), NULL, count(*), sum(r.amount) FROM refunds r GROUP BY 1 ORDER BY 1
        """, cancellationToken);

    private async Task<IReadOnlyList<RefundBreakdown>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RefundBreakdown>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new RefundBreakdown(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetDecimal(3)));
        return rows;
    }
}
