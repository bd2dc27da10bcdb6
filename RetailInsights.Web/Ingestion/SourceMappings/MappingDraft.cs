using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.SourceMappings;

/// <summary>
/// The mapping step's working state for one file of one source: a header (or none) per field of the file's kind,
/// pre-filled from the source's mapping, the usual names and the suggester's guesses, and the sample's verdict under it.
/// </summary>
public sealed class MappingDraft
{
    public const int SampleRows = 20;
    private readonly Dictionary<string, int> _headers = new(StringComparer.Ordinal);

    public MappingDraft(FilePreview preview, SourceSettings source, UploadKind? kind)
    {
        Preview = preview;
        Source = source;
        var suggestion = MappingSuggester.Suggest(preview.Headers, preview.Rows.Select(r => r.Values).ToList(), kind);
        Kind = suggestion.Kind;
        DateOrder = source.Mapping.DateOrder ?? suggestion.DateOrder;
        DecimalSeparator = source.Mapping.DecimalSeparator ?? suggestion.DecimalSeparator;
        // The source's own mapping first, then the guesses (which take the usual names and aliases as certain).
        var mapped = preview.Headers.Select(h => source.Mapping.CanonicalFor(h)).ToList();
        foreach (var field in Fields)
        {
            var index = mapped.IndexOf(field.Name);
            if (index < 0)
                index = suggestion.Columns.FirstOrDefault(c => c.Column == field.Name && mapped[c.Index] is null)?.Index ?? -1;
            _headers[field.Name] = index;
        }
        Why = suggestion.Columns.Where(c => c.Column is not null).ToDictionary(c => c.Column!, c => c.Why);
    }

    public FilePreview Preview { get; }

    public SourceSettings Source { get; }

    public UploadKind Kind { get; }

    public IReadOnlyList<ColumnSpec> Fields => FileSchemas.For(Kind);

    public DateOrder? DateOrder { get; set; }

    public char? DecimalSeparator { get; set; }

    /// <summary>The suggester's reason per field it guessed.</summary>
    public IReadOnlyDictionary<string, string> Why { get; }

    /// <summary>The header position chosen for a field, -1 for none.</summary>
    public int HeaderOf(ColumnSpec field) => _headers.GetValueOrDefault(field.Name, -1);

    public void Choose(ColumnSpec field, int headerIndex) =>
        _headers[field.Name] = headerIndex >= 0 && headerIndex < Preview.Headers.Count ? headerIndex : -1;

    /// <summary>The mapping as chosen: every field given a header, with the source's other settings.</summary>
    public ColumnMapping Mapping => Source.Mapping with
    {
        Columns = Source.Mapping.Columns.Where(c => !IsField(c.Value))
            .Concat(_headers.Where(h => h.Value >= 0).Select(h => KeyValuePair.Create(Preview.Headers[h.Value], h.Key)))
            .GroupBy(c => ColumnSpec.Normalize(c.Key)).Select(g => g.Last())
            .ToDictionary(c => c.Key, c => c.Value),
        DateOrder = DateOrder,
        DecimalSeparator = DecimalSeparator,
    };

    /// <summary>A header chosen for two fields: the mapping cannot be saved so.</summary>
    public string? Conflict => _headers.Where(h => h.Value >= 0).GroupBy(h => h.Value).FirstOrDefault(g => g.Count() > 1) is { } twice
        ? $"The header '{Preview.Headers[twice.Key]}' is chosen for {string.Join(" and ", twice.Select(t => t.Key))}; a header stands for one field."
        : null;

    public SampleCheckResult Check(DateTime now, string? defaultStore) =>
        SampleCheck.Run(Preview, Kind, Mapping, new ReadOptions { Now = now, DefaultStoreCode = defaultStore });

    /// <summary>
    /// What saving changes: this kind's fields are decided again (their old headers taken out), the other kinds'
    /// mapped headers stay; the date order and decimal separator as chosen.
    /// </summary>
    public SourceChange Change() => new()
    {
        UnmapHeaders = Source.Mapping.Columns.Where(c => IsField(c.Value)).Select(c => c.Key).ToList(),
        MapColumns = _headers.Where(h => h.Value >= 0).ToDictionary(h => Preview.Headers[h.Value], h => h.Key),
        DateOrder = DateOrder switch { Core.Ingestion.DateOrder.DayFirst => "day-first", Core.Ingestion.DateOrder.MonthFirst => "month-first", _ => "" },
        DecimalSeparator = DecimalSeparator is { } separator ? separator.ToString() : "",
    };

    public string KindName => UploadKinds.Of(Kind);

    private bool IsField(string column) => Fields.Any(f => f.Name == column);
}
