using Npgsql;
using RetailInsights.Core.Segmentation;

namespace RetailInsights.Web.Analytics.Inputs;

/// <summary>
/// Recency, frequency and monetary value per customer, set-based in PostgreSQL: over sale lines with a customer and a
/// price above zero (returns are refunds, never facts, and are not subtracted), as of a date — by default the day
/// after the latest invoice. Recency counts whole days from the last purchase day to the as-of date; monetary is
/// Σ quantity × price rounded to cents. The definition of the reference rfm.csv.
/// </summary>
public sealed class RfmSource(NpgsqlDataSource dataSource)
{
    public async Task<DateOnly> DefaultAsOfAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT max(invoiced_at)::date + 1 FROM fact_sales");
        return await command.ExecuteScalarAsync(cancellationToken) is DateOnly date ? date : DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>Only sales before the as-of date count, so a back-fill for an earlier day sees what that day saw.</summary>
    public async Task<IReadOnlyList<RfmValues>> ComputeAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.customer_code,
                   (@asOf - max(f.invoiced_at)::date)::int,
                   count(DISTINCT f.invoice)::int,
                   round(sum(f.quantity * f.unit_price), 2)
            FROM fact_sales f JOIN dim_customer c ON c.customer_id = f.customer_id
            WHERE f.unit_price > 0 AND f.invoiced_at < @asOf::timestamp
            GROUP BY c.customer_code
            ORDER BY c.customer_code
            """);
        command.Parameters.AddWithValue("asOf", asOf);
        var values = new List<RfmValues>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values.Add(new RfmValues(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3)));
        return values;
    }
}
