using Npgsql;
using RetailInsights.Core.CustomerValue;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Analytics.Inputs;

/// <summary>
/// Each customer's spend per day before the as-of date, read from the invoices summary: one row per customer and
/// day with a priced line (returns are refunds, never facts), which is what a purchase occasion is. The summary has
/// one row per invoice, so this reads far fewer rows than the sale lines for the same answer.
/// </summary>
public sealed class OccasionSource(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PurchaseLine>> ReadAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.customer_code, a.date_key, sum(a.gross)
            FROM agg_invoices a JOIN dim_customer c ON c.customer_id = a.customer_id
            WHERE a.customer_id IS NOT NULL AND a.priced_lines > 0 AND a.date_key < $1
            GROUP BY c.customer_code, a.date_key
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = DateKeys.Of(asOf) });
        var lines = new List<PurchaseLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new PurchaseLine(reader.GetString(0), DateKeys.Day(reader.GetInt32(1)), reader.GetDecimal(2)));
        return lines;
    }
}
