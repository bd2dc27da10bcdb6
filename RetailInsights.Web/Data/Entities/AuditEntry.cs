namespace RetailInsights.Web.Data.Entities;

/// <summary>Who did what, and when: uploads, re-runs, exports, user and key changes.</summary>
public sealed class AuditEntry
{
    public long AuditEntryId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Detail { get; set; }
}
