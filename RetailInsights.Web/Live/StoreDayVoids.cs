using RetailInsights.Web.Data.Entities;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using RetailInsights.Web.Infrastructure.Postgres;
using RetailInsights.Web.Security;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>What voiding a store-day removes: its live sales and refunds (fact rows) and the events' ids.</summary>
public sealed record VoidedStoreDay(string StoreCode, DateOnly Day, long Sales, long Refunds, long EventIds)
{
    public bool IsEmpty => Sales == 0 && Refunds == 0 && EventIds == 0;

    public override string ToString() => $"{Sales:N0} live sales lines, {Refunds:N0} live refunds and {EventIds:N0} event ids " +
        $"of store {StoreCode} on {Day:yyyy-MM-dd}";
}

/// <summary>
/// The one correction of live data (a live feed is never replaced like a file: see <see cref="LiveFeeds"/>): an admin
/// voids a store-day of live events, giving a reason. One transaction, which first waits for the batches being
/// written and holds new ones back until it ends, deletes the live sales and refunds of that store and day (every
/// source's feed; rows loaded from files stay), recomputes the summaries of that day × store from the facts left,
/// drops its minute and hour windows, forgets the events' ids so that the tills can send them again, and writes the
/// audit entry: who, the store, the day, the reason and the counts.
/// </summary>
public sealed class StoreDayVoids(NpgsqlDataSource dataSource, IAuthorizationService authorization, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>What <see cref="VoidAsync"/> would remove now (nothing changes).</summary>
    /// <exception cref="UnauthorizedAccessException">The actor is not an admin.</exception>
    /// <exception cref="InvalidOperationException">There is no such store.</exception>
    public async Task<VoidedStoreDay> PreviewAsync(ClaimsPrincipal actor, string storeCode, DateOnly day, CancellationToken cancellationToken)
    {
        await DemandAdminAsync(actor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var store = await StoreIdAsync(connection, storeCode.Trim(), cancellationToken);
        var cell = Parameters(store, day);
        return new VoidedStoreDay(storeCode.Trim(), day,
            await PgStatements.CountAsync(connection, $"SELECT count(*) FROM fact_sales WHERE {LiveFacts}", cancellationToken, cell),
            await PgStatements.CountAsync(connection, $"SELECT count(*) FROM refunds WHERE {LiveFacts}", cancellationToken, cell),
            await PgStatements.CountAsync(connection, $"SELECT count(*) FROM live_events WHERE {Events}", cancellationToken, cell));
    }

    /// <returns>What was removed; when nothing was there, nothing changes and no entry is written.</returns>
    /// <exception cref="UnauthorizedAccessException">The actor is not an admin.</exception>
    /// <exception cref="ArgumentException">No reason, or one over <see cref="MaxReasonLength"/> characters.</exception>
    /// <exception cref="InvalidOperationException">There is no such store.</exception>
    public async Task<VoidedStoreDay> VoidAsync(ClaimsPrincipal actor, string storeCode, DateOnly day, string reason,
        CancellationToken cancellationToken)
    {
        await DemandAdminAsync(actor);
        reason = reason.Trim();
        if (reason.Length == 0)
            throw new ArgumentException("Say why the store-day is voided: the reason goes into the audit log.", nameof(reason));
        if (reason.Length > MaxReasonLength)
            throw new ArgumentException($"The reason is {reason.Length} characters; at most {MaxReasonLength}.", nameof(reason));
        storeCode = storeCode.Trim();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Batches being written commit first (so their events are voided too); new ones wait for the void.
        await PgStatements.ExecuteAsync(connection, "LOCK TABLE live_events IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        var store = await StoreIdAsync(connection, storeCode, cancellationToken);
        var cell = Parameters(store, day);
        var voided = new VoidedStoreDay(storeCode, day,
            await PgStatements.ExecuteAsync(connection, $"DELETE FROM fact_sales WHERE {LiveFacts}", cancellationToken, cell),
            await PgStatements.ExecuteAsync(connection, $"DELETE FROM refunds WHERE {LiveFacts}", cancellationToken, cell),
            await PgStatements.ExecuteAsync(connection, $"DELETE FROM live_events WHERE {Events}", cancellationToken, cell));
        if (voided.IsEmpty)
            return voided;
        foreach (var (table, column) in new[] { ("live_minutes", "minute"), ("live_store_minutes", "minute"), ("live_hours", "hour"),
                     ("live_store_hours", "hour") })
            await PgStatements.ExecuteAsync(connection, $"DELETE FROM {table} WHERE store_id = @store AND {column} >= @from AND {column} < @to",
                cancellationToken, cell);
        await PgStatements.ExecuteAsync(connection, "CREATE TEMP TABLE replaced_cells (date_key integer, store_id integer) ON COMMIT DROP",
            cancellationToken);
        await PgStatements.ExecuteAsync(connection, "INSERT INTO replaced_cells VALUES (@day, @store)", cancellationToken, cell);
        await Summaries.RecomputeCellsAsync(connection, [DateKeys.Of(day)], cancellationToken);
        await AuditLog.RecordAsync(connection, clock.GetUtcNow().UtcDateTime, actor.Identity?.Name ?? "unknown", AuditActions.LiveEventsVoided,
            $"store {storeCode} on {day:yyyy-MM-dd}", $"{reason} — voided {voided.Sales:N0} sales lines, {voided.Refunds:N0} refunds, " +
            $"{voided.EventIds:N0} event ids", cancellationToken);
        await DataChanges.NotifyAsync(connection, DataChanges.Events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return voided;
    }

    /// <summary>The store-day's facts that came from live feeds (never a file's rows).</summary>
    private const string LiveFacts =
        $"date_key = @day AND store_id = @store AND upload_id IN (SELECT upload_id FROM uploads WHERE kind = '{UploadKinds.Events}')";

    /// <summary>The store-day's remembered events: the ids a till's retry is checked against.</summary>
    private const string Events = "store_id = @store AND occurred_at >= @from AND occurred_at < @to";

    private static (string, object)[] Parameters(int store, DateOnly day) =>
    [
        ("store", store), ("day", DateKeys.Of(day)), ("from", day.ToDateTime(TimeOnly.MinValue)), ("to", day.AddDays(1).ToDateTime(TimeOnly.MinValue)),
    ];

    private static async Task<int> StoreIdAsync(NpgsqlConnection connection, string storeCode, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT store_id FROM dim_store WHERE store_code = @code", connection);
        command.Parameters.AddWithValue("code", storeCode);
        return await command.ExecuteScalarAsync(cancellationToken) as int?
            ?? throw new InvalidOperationException($"There is no store '{storeCode}'.");
    }

    private async Task DemandAdminAsync(ClaimsPrincipal actor)
    {
        if (!(await authorization.AuthorizeAsync(actor, Policies.Administer)).Succeeded)
            throw new UnauthorizedAccessException("Only admins may void live events.");
    }
}
