using Microsoft.EntityFrameworkCore;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.SourceMappings;

/// <summary>
/// The source systems (rows of dim_retailer with at least one saved mapping version) and their versions: the one
/// reader and writer the sources page, the mapping step, the command and every intake go through.
/// </summary>
public sealed class SourceCatalog(IDbContextFactory<RetailInsightsDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SourceSettings>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await (from r in db.Retailers.AsNoTracking()
                            let version = db.SourceMappings.Where(m => m.RetailerId == r.RetailerId).Max(m => (int?)m.Version)
                            where version != null
                            join m in db.SourceMappings.AsNoTracking() on new { r.RetailerId, Version = version!.Value } equals new { m.RetailerId, m.Version }
                            orderby r.Code
                            select new { r.Code, r.Name, Mapping = m }).ToListAsync(cancellationToken);
        return latest.Select(l => SourceSettings.From(l.Code, l.Name, l.Mapping)).ToList();
    }

    /// <summary>The source's current version, or the given one; null when there is no such source (or version).</summary>
    public async Task<SourceSettings?> GetAsync(string code, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var retailer = await db.Retailers.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (retailer is null)
            return null;
        var row = await db.SourceMappings.AsNoTracking()
            .Where(m => m.RetailerId == retailer.RetailerId && (version == null || m.Version == version))
            .OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : SourceSettings.From(retailer.Code, retailer.Name, row);
    }

    /// <summary>Every saved version of a source, newest first.</summary>
    public async Task<IReadOnlyList<SourceSettings>> VersionsAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from r in db.Retailers.AsNoTracking()
                          join m in db.SourceMappings.AsNoTracking() on r.RetailerId equals m.RetailerId
                          where r.Code == code
                          orderby m.Version descending
                          select new { r.Code, r.Name, Mapping = m }).ToListAsync(cancellationToken);
        return rows.Select(r => SourceSettings.From(r.Code, r.Name, r.Mapping)).ToList();
    }

    /// <summary>
    /// Saves a new version: the current one with <paramref name="change"/> applied (a source saved for the first
    /// time starts empty; an existing retailer code becomes a source). Versions are numbered under a lock on the
    /// source's row, so two saves at once get two versions.
    /// </summary>
    /// <exception cref="ArgumentException">The code or a setting cannot be saved; the message says why.</exception>
    public async Task<SourceSettings> SaveAsync(string code, SourceChange change, string actor, CancellationToken cancellationToken)
    {
        code = code.Trim();
        if (SourceRules.CodeProblem(code) is { } problem)
            throw new ArgumentException(problem);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO dim_retailer (code, name) VALUES ({code}, {change.Name?.Trim() ?? code}) ON CONFLICT (code) DO NOTHING",
            cancellationToken);
        var retailer = (await db.Retailers.FromSql($"SELECT * FROM dim_retailer WHERE code = {code} FOR UPDATE").ToListAsync(cancellationToken)).Single();
        var current = await db.SourceMappings.AsNoTracking().Where(m => m.RetailerId == retailer.RetailerId)
            .OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        var next = Apply(current, change);
        next.RetailerId = retailer.RetailerId;
        next.Version = (current?.Version ?? 0) + 1;
        next.SavedBy = actor;
        next.SavedAt = clock.GetUtcNow().UtcDateTime;
        if (change.Name is { } name)
            retailer.Name = name.Trim();
        SourceRules.Check(next, retailer.Name);
        db.SourceMappings.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var saved = SourceSettings.From(retailer.Code, retailer.Name, next);
        await audit.RecordAsync(actor, AuditActions.SourceSaved, $"source {code} version {next.Version}",
            string.Join(", ", next.Columns.Select(c => $"{c.Key}={c.Value}")), cancellationToken);
        return saved;
    }

    private static SourceMapping Apply(SourceMapping? current, SourceChange change)
    {
        var columns = change.Columns is { } replaced
            ? Canonical(replaced)
            : new Dictionary<string, string>(current?.Columns ?? []);
        foreach (var header in (change.UnmapHeaders ?? []).Concat(change.MapColumns?.Keys ?? []))
            foreach (var existing in columns.Keys.Where(k => ColumnSpec.Normalize(k) == ColumnSpec.Normalize(header)).ToList())
                columns.Remove(existing);
        foreach (var (header, column) in Canonical(change.MapColumns ?? new Dictionary<string, string>()))
            columns[header] = column;
        return new SourceMapping
        {
            Columns = columns,
            DateOrder = Setting(change.DateOrder, current?.DateOrder),
            DecimalSeparator = Setting(change.DecimalSeparator, current?.DecimalSeparator),
            TimeZone = Setting(change.TimeZone, current?.TimeZone),
            DefaultStoreCode = Setting(change.DefaultStoreCode, current?.DefaultStoreCode),
            Kinds = change.Kinds?.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList() ?? current?.Kinds ?? [],
            SavedBy = "",
        };
    }

    // The column's own spelling ("invoicedate" → "InvoiceDate"); an unknown name is kept for the check to refuse.
    private static Dictionary<string, string> Canonical(IReadOnlyDictionary<string, string> columns) =>
        columns.Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key.Trim(), c => ColumnMapping.Canonical(c.Value) ?? c.Value.Trim());

    private static string? Setting(string? changed, string? current) => changed is null ? current : changed.Trim() is { Length: > 0 } v ? v : null;
}
