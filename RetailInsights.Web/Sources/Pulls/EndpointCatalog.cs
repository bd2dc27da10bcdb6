using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>Where a pull goes and with what: the endpoint of one source, its decrypted credentials held for the pull only.</summary>
public sealed record PullTarget(int RetailerId, string Code, SourceEndpoint Endpoint, EndpointCredentials Credentials);

/// <summary>How a pull ended, as its endpoint records it.</summary>
public sealed record PullRecord(DateTime At, string? Error, int Records, long? UploadId, string? AdvancedCursor);

/// <summary>
/// The endpoints of sources: the one reader and writer the Sources page, the command and the pulls go through. Saving
/// one (re)schedules its recurring pull in the same step, so a schedule Hangfire cannot read saves nothing.
/// </summary>
public sealed class EndpointCatalog(IDbContextFactory<RetailInsightsDbContext> dbFactory, EndpointSecrets secrets, PullSchedules schedules,
    AuditLog audit, IOptions<PullOptions> options, TimeProvider clock)
{
    public const int MaxErrorLength = 2000;

    public async Task<EndpointSettings?> GetAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from e in db.SourceEndpoints.AsNoTracking()
                           join r in db.Retailers.AsNoTracking() on e.RetailerId equals r.RetailerId
                           where r.Code == code
                           select e).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : EndpointSettings.From(code, found);
    }

    public async Task<IReadOnlyList<(string Code, string Schedule)>> SchedulesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from e in db.SourceEndpoints.AsNoTracking()
                          join r in db.Retailers.AsNoTracking() on e.RetailerId equals r.RetailerId
                          orderby r.Code
                          select new { r.Code, e.Schedule }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Code, r.Schedule)).ToList();
    }

    /// <exception cref="ArgumentException">The source does not exist or a setting cannot be saved; the message says why.</exception>
    public async Task<EndpointSettings> SaveAsync(string code, EndpointChange change, string actor, CancellationToken cancellationToken)
    {
        code = code.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retailer = (await db.Retailers.FromSql($"SELECT * FROM dim_retailer WHERE code = {code} FOR UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (retailer is null || !await db.SourceMappings.AnyAsync(m => m.RetailerId == retailer.RetailerId, cancellationToken))
            throw new ArgumentException($"There is no source '{code}': save the source first (its name, kinds and mapping), then its endpoint.");
        var endpoint = await db.SourceEndpoints.SingleOrDefaultAsync(e => e.RetailerId == retailer.RetailerId, cancellationToken);
        (string Auth, string? Cursor, string BaseUrl)? before = endpoint is null ? null : (endpoint.Auth, endpoint.Cursor, endpoint.BaseUrl);
        if (endpoint is null)
        {
            endpoint = New(retailer.RetailerId, actor);
            db.SourceEndpoints.Add(endpoint);
        }
        Apply(endpoint, change);
        EndpointRules.Url(endpoint.BaseUrl);
        if (!EndpointAuth.NeedsSecret(endpoint.Auth))
            endpoint.ProtectedSecret = null;
        else if (change.Secret is { } secret)
        {
            EndpointRules.CheckSecret(secret);
            endpoint.ProtectedSecret = secrets.Protect(code, secret);
        }
        else if (before?.Auth != endpoint.Auth)
            endpoint.ProtectedSecret = null; // another kind of authentication needs its own secret, asked for below
        else if (before is { } old && !EndpointRules.SameOrigin(old.BaseUrl, endpoint.BaseUrl))
            // A secret goes only to the scheme, host and port it was given for; nothing is saved until it is given again.
            throw new ArgumentException($"The base URL now points to another address ({EndpointRules.Origin(old.BaseUrl)} → " +
                $"{EndpointRules.Origin(endpoint.BaseUrl)}): the stored {EndpointAuth.SecretName(endpoint.Auth)} was given for the old " +
                "address only and must be given again with the new URL.");
        EndpointRules.Check(endpoint, endpoint.ProtectedSecret is not null);
        endpoint.SavedBy = actor;
        endpoint.SavedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(code, endpoint.Schedule);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.SourceEndpointSaved, $"source {code} endpoint", Describe(endpoint, change, before?.Cursor),
            cancellationToken);
        return EndpointSettings.From(code, endpoint);
    }

    /// <returns>Whether the source had an endpoint.</returns>
    public async Task<bool> RemoveAsync(string code, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.SourceEndpoints
            .Where(e => db.Retailers.Any(r => r.RetailerId == e.RetailerId && r.Code == code))
            .ExecuteDeleteAsync(cancellationToken);
        schedules.Remove(code);
        if (removed > 0)
            await audit.RecordAsync(actor, AuditActions.SourceEndpointRemoved, $"source {code} endpoint", null, cancellationToken);
        return removed > 0;
    }

    public async Task<int?> RetailerIdAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from e in db.SourceEndpoints
                      join r in db.Retailers on e.RetailerId equals r.RetailerId
                      where r.Code == code
                      select (int?)e.RetailerId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <exception cref="PullFailedException">The stored secret cannot be decrypted.</exception>
    public async Task<PullTarget?> ForPullAsync(int retailerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from e in db.SourceEndpoints.AsNoTracking()
                           join r in db.Retailers.AsNoTracking() on e.RetailerId equals r.RetailerId
                           where e.RetailerId == retailerId
                           select new { e, r.Code }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var secret = found.e.ProtectedSecret is { } stored ? secrets.Unprotect(found.Code, stored) : null;
        return new PullTarget(retailerId, found.Code, found.e,
            new EndpointCredentials(found.e.Auth, found.e.AuthHeader, found.e.AuthUser, secret));
    }

    public async Task MarkAttemptAsync(int retailerId, DateTime at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SourceEndpoints.Where(e => e.RetailerId == retailerId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastAttemptAt, at), cancellationToken);
    }

    /// <summary>Records a pull's end (and moves the cursor, when records loaded); open Data quality pages redraw.</summary>
    public async Task RecordAsync(int retailerId, PullRecord pull, CancellationToken cancellationToken)
    {
        var error = pull.Error is { Length: > MaxErrorLength } text ? text[..MaxErrorLength] + "…" : pull.Error;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE source_endpoints SET
                last_attempt_at = {pull.At},
                last_success_at = CASE WHEN {error}::text IS NULL THEN {pull.At} ELSE last_success_at END,
                last_error = {error},
                failing_since = CASE WHEN {error}::text IS NULL THEN NULL ELSE coalesce(failing_since, {pull.At}) END,
                last_records = {pull.Records},
                last_upload_id = coalesce({pull.UploadId}, last_upload_id),
                cursor = coalesce({pull.AdvancedCursor}, cursor)
            WHERE retailer_id = {retailerId}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({DataChanges.Channel}, {DataChanges.Uploads})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private SourceEndpoint New(int retailerId, string actor) => new()
    {
        RetailerId = retailerId,
        BaseUrl = "",
        Paging = ApiPaging.Pages,
        PageSize = 100,
        SinceParameter = "since",
        CursorField = "",
        Schedule = options.Value.DefaultSchedule,
        Auth = EndpointAuth.None,
        SavedBy = actor,
    };

    private static void Apply(SourceEndpoint endpoint, EndpointChange change)
    {
        endpoint.BaseUrl = change.BaseUrl?.Trim() ?? endpoint.BaseUrl;
        endpoint.Paging = change.Paging?.Trim() ?? endpoint.Paging;
        endpoint.PageSize = change.PageSize ?? endpoint.PageSize;
        endpoint.SinceParameter = change.SinceParameter?.Trim() ?? endpoint.SinceParameter;
        endpoint.RecordsPath = change.RecordsPath is { } path ? Blank(path) : endpoint.RecordsPath;
        endpoint.CursorField = change.CursorField?.Trim() ?? endpoint.CursorField;
        endpoint.Schedule = change.Schedule?.Trim() ?? endpoint.Schedule;
        endpoint.Auth = change.Auth?.Trim() ?? endpoint.Auth;
        endpoint.AuthHeader = endpoint.Auth == EndpointAuth.ApiKey ? change.AuthHeader is { } header ? Blank(header) : endpoint.AuthHeader : null;
        endpoint.AuthUser = endpoint.Auth == EndpointAuth.Basic ? change.AuthUser is { } user ? Blank(user) : endpoint.AuthUser : null;
        if (change.Cursor is { } cursor)
            endpoint.Cursor = cursor.Length <= ApiPageReader.MaxCursorLength
                ? Blank(cursor)
                : throw new ArgumentException($"A cursor is a timestamp or id of at most {ApiPageReader.MaxCursorLength} characters.");
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // What an admin changed, for the audit log: settings and whether the secret was replaced, never the secret.
    private static string Describe(SourceEndpoint e, EndpointChange change, string? cursorBefore) =>
        $"{EndpointRules.Display(e.BaseUrl)}, {e.Paging} of {e.PageSize}, records in {e.RecordsPath ?? "the answer"}, cursor field {e.CursorField}" +
        (e.Cursor != cursorBefore ? $" (cursor set to {e.Cursor ?? "the beginning"})" : "") +
        $", schedule {e.Schedule}, auth {e.Auth}" +
        (EndpointAuth.NeedsSecret(e.Auth) ? change.Secret is null ? " (secret kept)" : " (secret replaced)" : "");
}
