using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.SourceMappings;

/// <summary>A source system as its current (or a chosen) mapping version describes it.</summary>
public sealed record SourceSettings(
    string Code,
    string Name,
    int Version,
    ColumnMapping Mapping,
    IReadOnlyList<string> Kinds,
    string SavedBy,
    DateTime SavedAt)
{
    public static SourceSettings From(string code, string name, SourceMapping row) => new(code, name, row.Version, new ColumnMapping
    {
        Columns = row.Columns,
        DateOrder = row.DateOrder switch { "day-first" => DateOrder.DayFirst, "month-first" => DateOrder.MonthFirst, _ => null },
        DecimalSeparator = row.DecimalSeparator is [var separator] ? separator : null,
        TimeZone = row.TimeZone,
        DefaultStoreCode = row.DefaultStoreCode,
    }, row.Kinds, row.SavedBy, row.SavedAt);

    /// <summary>The kind a file of this source is read as when the uploader names none: its only kind, if it sends one.</summary>
    public string? OnlyKind => Kinds is [var only] ? only : null;

    public string DateOrderText => Mapping.DateOrder switch { DateOrder.DayFirst => "day-first", DateOrder.MonthFirst => "month-first", _ => "from each file" };

    public string DecimalText => Mapping.DecimalSeparator is { } separator ? $"'{separator}'" : "from each file";
}

/// <summary>What a save changes: null leaves a setting as the current version has it.</summary>
public sealed record SourceChange
{
    public string? Name { get; init; }

    /// <summary>Replaces the whole mapping (the page's form); see <see cref="MapColumns"/> to add to it instead.</summary>
    public IReadOnlyDictionary<string, string>? Columns { get; init; }

    /// <summary>Header → column pairs added to (or replacing those of the same header in) the current mapping.</summary>
    public IReadOnlyDictionary<string, string>? MapColumns { get; init; }

    /// <summary>Headers taken out of the current mapping.</summary>
    public IReadOnlyList<string>? UnmapHeaders { get; init; }

    /// <summary>"month-first", "day-first", or "" for each file to tell.</summary>
    public string? DateOrder { get; init; }

    /// <summary>".", ",", or "" to follow each file.</summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>An IANA zone, or "" for none.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A store code, or "" for none.</summary>
    public string? DefaultStoreCode { get; init; }

    /// <summary>Upload kind names; empty for any.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }
}
