using Microsoft.EntityFrameworkCore;
using Npgsql;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Quality;

public sealed class QualityQueries(IDbContextFactory<RetailInsightsDbContext> dbFactory, NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<UploadQuality>> GetUploadsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Uploads.AsNoTracking()
            .OrderByDescending(u => u.UploadId)
            .Take(500)
            .Select(u => new UploadQuality(u.UploadId, u.FileName, u.Status, u.RowsRead, u.RowsAccepted,
                u.RowsRejected, u.RowsDuplicate, u.RowsFlagged))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Rejected rows by reason code over every upload, from each load's report (exact for every line, also those whose
    /// text was not kept); a row with two reasons counts under both.
    /// </summary>
    public async Task<IReadOnlyList<ReasonCount>> GetRejectReasonsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.key, sum(r.value::bigint)::bigint FROM uploads u, jsonb_each_text(u.quality_report -> 'rejectedByReason') r
            GROUP BY r.key ORDER BY 2 DESC
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<ReasonCount>();
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new ReasonCount(reader.GetString(0), reader.GetInt64(1)));
        return result;
    }
}
