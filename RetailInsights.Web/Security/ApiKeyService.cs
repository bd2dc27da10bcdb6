using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Security;

/// <summary>Creates, scopes, lists, revokes and checks machine API keys; stores only their SHA-256.</summary>
public sealed class ApiKeyService(IDbContextFactory<RetailInsightsDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    private const string KeyPrefix = "ri_";

    /// <summary>A key with full rights (every purpose, any source or store), as every key had before scopes.</summary>
    /// <returns>The new key's record and the key itself, which is never shown again.</returns>
    public Task<(ApiKey Key, string Secret)> CreateAsync(string name, string actor, CancellationToken cancellationToken) =>
        CreateAsync(name, ApiKeyScope.Full, actor, cancellationToken);

    /// <returns>The new key's record and the key itself, which is never shown again.</returns>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiKeyScope scope, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("An API key needs a name (e.g. the store system that uses it).", nameof(name));
        var secret = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = secret[..10],
            KeyHash = Hash(secret),
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Purposes = [.. scope.Purposes],
            AllowedSources = scope.Sources?.ToArray(),
            AllowedStores = scope.Stores?.ToArray(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
        }
        await audit.RecordAsync(actor, AuditActions.ApiKeyCreated, $"api key {key.Name} ({key.Prefix}…)", scope.Describe(), cancellationToken);
        return (key, secret);
    }

    /// <summary>Gives a key a new scope (usually narrower), from its next request on; audited with the old and new scopes.</summary>
    public async Task SetScopeAsync(int apiKeyId, ApiKeyScope scope, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.ApiKeyId == apiKeyId, cancellationToken)
            ?? throw new InvalidOperationException($"No API key has the id {apiKeyId}.");
        if (key.RevokedAt is not null)
            throw new InvalidOperationException($"API key {key.Name} is revoked: there is nothing to scope.");
        var before = ApiKeyScope.Of(key).Describe();
        if (before == scope.Describe())
            return;
        key.Purposes = [.. scope.Purposes];
        key.AllowedSources = scope.Sources?.ToArray();
        key.AllowedStores = scope.Stores?.ToArray();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.ApiKeyScopeChanged, $"api key {key.Name} ({key.Prefix}…)", $"{before} → {scope.Describe()}",
            cancellationToken);
    }

    public async Task RevokeAsync(int apiKeyId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.ApiKeyId == apiKeyId, cancellationToken)
            ?? throw new InvalidOperationException($"No API key has the id {apiKeyId}.");
        if (key.RevokedAt is not null)
            return;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.ApiKeyRevoked, $"api key {key.Name} ({key.Prefix}…)", cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The active key with this secret, marking it used; null for an unknown or revoked key.</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null)
            return null;
        key.LastUsedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
