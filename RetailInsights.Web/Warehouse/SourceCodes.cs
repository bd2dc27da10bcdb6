namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The source system rows come from (<c>dim_retailer</c>'s code), as files and live events name it: the same rule for
/// both, so that a file and a till that name none land in the same source.
/// </summary>
public static class SourceCodes
{
    public const string Default = "default";

    /// <summary>The code given, trimmed, or <see cref="Default"/> when none was.</summary>
    public static string Of(string? code) => string.IsNullOrWhiteSpace(code) ? Default : code.Trim();
}
