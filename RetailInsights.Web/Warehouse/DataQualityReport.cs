using System.Text.Json;
using RetailInsights.Core.Ingestion;
using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// What a warehouse's data-quality service checks on each load: volumes, validity by reason, completeness per
/// column, business rules, referential integrity and freshness. Stored as JSON on the upload.
/// </summary>
public sealed record DataQualityReport
{
    public required string Kind { get; init; }
    public required string Encoding { get; init; }
    public required string Separator { get; init; }

    /// <summary>How the file's records were written: CSV, a JSON array, JSON lines, or an Excel sheet (named); null in reports from before formats.</summary>
    public string? Format { get; init; }
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

    /// <summary>
    /// The file named more customers, products or lines than a load keeps in memory (Ingestion:MaxLoadMemoryBytes), so
    /// it was loaded through its staging table: the same facts, a little slower.
    /// </summary>
    public bool LoadedThroughStage { get; init; }

    /// <summary>Set when the load was refused as a whole (e.g. more than half the rows rejected).</summary>
    public string? CriticalFailure { get; init; }

    /// <summary>The report of a file as its reader found it and its load ended.</summary>
    /// <param name="kind">The kind's name as uploads record it.</param>
    /// <param name="duplicates">Accepted rows that were already loaded (by an overlapping file).</param>
    /// <param name="now">When the load ended, for freshness.</param>
    public static DataQualityReport From(UploadFileReader reader, string kind, long duplicates, long productsMissing, long storesMissing,
        DateTime now)
    {
        var stats = reader.Statistics;
        return new DataQualityReport
        {
            Kind = kind,
            Encoding = reader.EncodingName,
            Separator = reader.Separator == '\t' ? "tab" : reader.Separator.ToString(),
            Format = reader.Format switch
            {
                FileFormat.JsonArray => "JSON array",
                FileFormat.JsonLines => "JSON lines",
                FileFormat.Xlsx => $"Excel, sheet '{reader.Sheet}'",
                _ => "CSV",
            },
            DateOrder = reader.Kind is UploadKind.Transactions or UploadKind.Refunds
                ? (reader.DateOrder == Core.Ingestion.DateOrder.DayFirst ? "day-first" : "month-first") : null,
            RowsRead = stats.RowsRead,
            RowsAccepted = stats.RowsAccepted - duplicates,
            RowsRejected = stats.RowsRejected,
            RowsDuplicate = duplicates,
            RowsFlagged = stats.RowsFlagged,
            RejectedByReason = stats.RejectedByReason.ToDictionary(),
            FlaggedByFlag = stats.FlaggedByFlag.ToDictionary(p => p.Key.ToString(), p => p.Value),
            Completeness = stats.Completeness.ToDictionary(),
            LineAmountViolations = reader.Kind == UploadKind.Transactions && reader.Map[FileSchemas.Transactions.LineAmount] >= 0
                ? stats.RejectedByReason.GetValueOrDefault(RejectReasons.LineAmountMismatch) : null,
            ProductsMissingFromCatalog = productsMissing,
            StoresMissingLocation = storesMissing,
            FirstDate = stats.FirstDate,
            LatestDate = stats.LastDate,
            FreshnessDays = stats.LastDate is { } last ? Math.Round((now - last).TotalDays, 1) : null,
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DataQualityReport? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DataQualityReport>(json, Json);
}
