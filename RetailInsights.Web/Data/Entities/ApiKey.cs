namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// A key for the machine API. Only its SHA-256 is stored; the key itself is shown once, when created. Its scope says what
/// it may do: its purposes (at least one of <see cref="ApiKeyPurposes"/>) and, when set, the only source systems and
/// stores it may write for (null: any).
/// </summary>
public sealed class ApiKey
{
    public int ApiKeyId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, so an admin can tell keys apart without seeing them.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>What the key may call: <see cref="ApiKeyPurposes.Uploads"/>, <see cref="ApiKeyPurposes.Events"/>, or both.</summary>
    public string[] Purposes { get; set; } = [.. ApiKeyPurposes.All];

    /// <summary>The source system codes the key may send for; null: any (and it may name a new one).</summary>
    public string[]? AllowedSources { get; set; }

    /// <summary>The store codes the key may send for; null: any.</summary>
    public string[]? AllowedStores { get; set; }
}

/// <summary>The parts of the machine API a key may be made for.</summary>
public static class ApiKeyPurposes
{
    /// <summary><c>POST /api/uploads</c> and <c>GET /api/uploads/{id}</c>.</summary>
    public const string Uploads = "uploads";

    /// <summary><c>POST /api/events/transactions</c> and <c>/refunds</c>.</summary>
    public const string Events = "events";

    public static readonly IReadOnlyList<string> All = [Uploads, Events];
}
