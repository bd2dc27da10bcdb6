namespace RetailInsights.Web.Infrastructure.Postgres;

internal static class PgText
{
    /// <summary>PostgreSQL text cannot hold NUL characters: they are dropped from values (a rejected line keeps a marker).</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Clean(string? value) =>
        value is not null && value.Contains('\0') ? value.Replace("\0", "", StringComparison.Ordinal) : value;
}
