using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Analytics;

/// <summary>
/// A run's customers as CSV (a campaign list when a segment or another <see cref="CustomerSelection"/> is given),
/// the same for the export command and the Segments page's download. Rows stream from the database in customer
/// order (the primary key's), so neither holds a run's customers in memory, however many there are.
/// </summary>
public static class CustomerExports
{
    /// <summary>The RFM columns, then the predicted ones, empty for a run whose data were too few for the models.</summary>
    public const string Header = "customer_id,recency_days,frequency,monetary,r,f,m,segment,cluster," +
        "p_alive,churn_risk,churn_band,expected_spend,predicted_value,expected_next_order";

    private static readonly string[] Bands = ["low", "medium", "high"];

    public static async IAsyncEnumerable<string> LinesAsync(NpgsqlDataSource dataSource, long runId, CustomerSelection selection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (fromWhere, parameters) = selection.FromWhere(runId, withValues: true);
        await using var command = dataSource.CreateCommand($"""
            SELECT c.customer_code, c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment, c.cluster,
                   v.probability_alive, v.churn_risk, v.churn_band, v.expected_spend, v.predicted_value, v.next_occasion
            {fromWhere}
            ORDER BY c.customer_code
            """);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        yield return Header;
        while (await reader.ReadAsync(cancellationToken))
        {
            var predicted = !reader.IsDBNull(9);
            yield return CsvText.Row(reader.GetString(0), I(reader.GetInt32(1)), I(reader.GetInt32(2)),
                reader.GetDecimal(3).ToString(CultureInfo.InvariantCulture), I(reader.GetInt16(4)), I(reader.GetInt16(5)), I(reader.GetInt16(6)),
                reader.GetString(7), I(reader.GetInt32(8)),
                predicted ? Share(reader.GetDouble(9)) : "", predicted ? Share(reader.GetDouble(10)) : "",
                predicted ? Bands[reader.GetInt16(11)] : "", predicted ? reader.GetDecimal(12).ToString(CultureInfo.InvariantCulture) : "",
                predicted ? reader.GetDecimal(13).ToString(CultureInfo.InvariantCulture) : "",
                predicted ? reader.GetFieldValue<DateOnly>(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
        }
    }

    /// <summary>Writes the lines to a response or a file as they come, and says how many customers it wrote.</summary>
    public static async Task<long> WriteAsync(TextWriter writer, NpgsqlDataSource dataSource, long runId, CustomerSelection selection,
        CancellationToken cancellationToken)
    {
        long rows = -1;
        await foreach (var line in LinesAsync(dataSource, runId, selection, cancellationToken))
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            rows++;
        }
        return rows;
    }

    /// <summary>What a download or an export names the selection: "segments", "segments (At Risk)", "segments (cluster 2, search 12)".</summary>
    public static string Describe(CustomerSelection selection)
    {
        var parts = new List<string>();
        if (selection.PreviousSegment is { } previous)
            parts.Add($"{(previous == CustomerSelection.NotScoredBefore ? "new" : previous)} → {selection.Segment ?? "any"}");
        else if (selection.Segment is { } segment)
            parts.Add(segment);
        if (selection.R is { } r)
            parts.Add($"R {r}");
        if (selection.FM is { } fm)
            parts.Add($"FM {fm}");
        if (selection.Cluster is { } cluster)
            parts.Add($"cluster {cluster}");
        if (selection.Search is { } search)
            parts.Add($"search {search}");
        return parts.Count == 0 ? "segments" : $"segments ({string.Join(", ", parts)})";
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
