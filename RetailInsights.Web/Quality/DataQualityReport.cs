using System.Text.Json;

namespace RetailInsights.Web.Quality;

/// <summary>
/// What a warehouse's data-quality service checks on each load: volumes, validity by reason, completeness per
/// column, business rules, referential integrity and freshness. Stored as JSON on the upload.
/// </summary>
public sealed record DataQualityReport
{
    public required string Kind { get; init; }
    public required string Encoding { get; init; }
    public required string Separator { get; init; }
    public string? DateOrder { get; init; }
    public long RowsRead { get; init; }
    public long RowsAccepted { get; init; }
    public long RowsRejected { get; init; }
    public long RowsDuplicate { get; init; }
    public long RowsFlagged { get; init; }
    public Dictionary<string, long> RejectedByReason { get; init; } = [];
    public Dictionary<string, long> FlaggedByFlag { get; init; } = [];

    /// <summary>Share of rows with a value, per column.</summary>
    public Dictionary<string, double> Completeness { get; init; } = [];

    /// <summary>Rows breaking "line amount = quantity × price", or null when the file carries no line amount.</summary>
    public long? LineAmountViolations { get; init; }

    /// <summary>Stock codes of this file that the product catalog does not know (no category yet).</summary>
    public long ProductsMissingFromCatalog { get; init; }

    /// <summary>Store codes of this file without a store location (no city yet).</summary>
    public long StoresMissingLocation { get; init; }

    public DateTime? FirstDate { get; init; }
    public DateTime? LatestDate { get; init; }

    /// <summary>Days between the latest date in the file and the load.</summary>
    public double? FreshnessDays { get; init; }

    /// <summary>Seconds per stage of the load (read and stage, dimensions, facts, checks).</summary>
    public Dictionary<string, double> Timings { get; init; } = [];

    /// <summary>Set when the load was refused as a whole (e.g. more than half the rows rejected).</summary>
    public string? CriticalFailure { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DataQualityReport? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DataQualityReport>(json, Json);
}
