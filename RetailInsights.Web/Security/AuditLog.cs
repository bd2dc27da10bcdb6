using Microsoft.EntityFrameworkCore;
using Npgsql;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Security;

/// <summary>Records who uploaded, re-ran, exported or changed a user or key, and lists it for admins.</summary>
public sealed class AuditLog(IDbContextFactory<RetailInsightsDbContext> dbFactory, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string target, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an action inside the caller's transaction, so the entry commits with what it records, or not at all.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, DateTime at, string actor, string action, string target, string? detail,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)", connection);
        command.Parameters.AddWithValue("at", DateTime.SpecifyKind(at, DateTimeKind.Utc));
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("detail", NpgsqlTypes.NpgsqlDbType.Text, (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().OrderByDescending(a => a.AuditEntryId).Take(count).ToListAsync(cancellationToken);
    }
}
