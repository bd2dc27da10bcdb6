using System.Text.RegularExpressions;
using RetailInsights.Core.Ingestion;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Ingestion.SourceMappings;

/// <summary>What a source's code, name and settings may be, checked before a version is saved.</summary>
public static partial class SourceRules
{
    /// <summary>The drop folder keeps these for itself (inbox/processed, inbox/refused).</summary>
    private static readonly string[] Reserved = ["processed", "refused"];

    public const int MaxColumns = 100;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex CodePattern();

    /// <summary>A code is also a folder name under the inbox, so it is a plain word: letters, digits, '-', '_', '.'.</summary>
    public static string? CodeProblem(string code) =>
        !CodePattern().IsMatch(code) || code.Contains("..", StringComparison.Ordinal)
            ? $"A source code is 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit (it names the folder inbox/<code>/), not '{Shorten(code)}'."
            : Reserved.Contains(code, StringComparer.OrdinalIgnoreCase)
                ? $"'{code}' is kept for the drop folder's own use; choose another code."
                : null;

    /// <exception cref="ArgumentException">The first setting that cannot be saved, in words for the person.</exception>
    public static void Check(SourceMapping row, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            throw new ArgumentException("A source needs a name of at most 256 characters.");
        if (row.Columns.Count > MaxColumns)
            throw new ArgumentException($"A mapping names at most {MaxColumns} headers.");
        foreach (var (header, column) in row.Columns)
        {
            if (string.IsNullOrWhiteSpace(header) || header.Length > 256)
                throw new ArgumentException("A mapped header is 1–256 characters.");
            if (ColumnMapping.Canonical(column) is null)
                throw new ArgumentException($"'{Shorten(column)}' (for header '{Shorten(header)}') is not a column; use one of " +
                    string.Join(", ", ColumnMapping.CanonicalNames.Order(StringComparer.Ordinal)) + ".");
        }
        var duplicate = row.Columns.GroupBy(c => ColumnSpec.Normalize(c.Key)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The header '{duplicate.First().Key}' is mapped twice.");
        var twice = row.Columns.GroupBy(c => c.Value).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ArgumentException($"{twice.Key} is given two headers ({string.Join(", ", twice.Select(t => t.Key))}); a column reads one.");
        if (row.TimeZone is { } zone && ColumnMapping.FindZone(zone) is null)
            throw new ArgumentException($"'{Shorten(zone)}' is not a time zone this server knows; use an IANA name such as Europe/Amsterdam or Asia/Jakarta.");
        if (row.DefaultStoreCode is { Length: > FieldLimits.Code })
            throw new ArgumentException($"A store code has at most {FieldLimits.Code} characters.");
        if (row.Kinds.FirstOrDefault(k => UploadKinds.Parse(k) is null) is { } kind)
            throw new ArgumentException($"'{Shorten(kind)}' is not a file kind; use transactions, refunds, product_catalog or store_locations.");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
