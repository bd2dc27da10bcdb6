namespace RetailInsights.Web.Data.Entities;

/// <summary>A key for the upload API. Only its SHA-256 is stored; the key itself is shown once, when created.</summary>
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
}
