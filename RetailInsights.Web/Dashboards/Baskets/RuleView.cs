using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace RetailInsights.Web.Dashboards.Baskets;

/// <summary>
/// Which of the latest run's rules the explorer shows: at least this lift and confidence, at most so many items on the
/// left, redundant rules or not, and only those naming a product (on either side). It lives in the URL beside the
/// dashboard filter (<c>/baskets?product=85123A&amp;minlift=2&amp;minconf=0.4&amp;items=1&amp;redundant=show</c>), so a
/// link reproduces the view.
/// </summary>
public sealed record RuleView
{
    public const int MaxProductLength = 64;

    public double MinLift { get; init; }

    /// <summary>A share, 0 to 1.</summary>
    public double MinConfidence { get; init; }

    /// <summary>The most items on the left side (1: pairs, for shelf placement); 0 for any number.</summary>
    public int MaxItems { get; init; }

    /// <summary>Redundant rules are hidden unless asked for.</summary>
    public bool ShowRedundant { get; init; }

    /// <summary>A stock code; null for every product.</summary>
    public string? Product { get; init; }

    /// <summary>Reads the URL's query string; what is missing or unreadable takes its default.</summary>
    public static RuleView Parse(string queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        double Number(string name, double max) =>
            query.TryGetValue(name, out var text) && double.TryParse(text.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? Math.Clamp(value, 0, max) : 0;
        var product = query.TryGetValue("product", out var code) ? code.ToString().Trim() : "";
        return new RuleView
        {
            MinLift = Number("minlift", 1_000_000),
            MinConfidence = Number("minconf", 1),
            MaxItems = (int)Number("items", 100),
            ShowRedundant = query.TryGetValue("redundant", out var redundant) && redundant.ToString() == "show",
            Product = product.Length is > 0 and <= MaxProductLength ? product : null,
        };
    }

    /// <summary>The query parameters this view sets (null removes one), for NavigationManager.GetUriWithQueryParameters.</summary>
    public IReadOnlyDictionary<string, object?> QueryParameters() => new Dictionary<string, object?>
    {
        ["product"] = Product,
        ["minlift"] = MinLift > 0 ? MinLift.ToString("0.##", CultureInfo.InvariantCulture) : null,
        ["minconf"] = MinConfidence > 0 ? MinConfidence.ToString("0.##", CultureInfo.InvariantCulture) : null,
        ["items"] = MaxItems > 0 ? MaxItems.ToString(CultureInfo.InvariantCulture) : null,
        ["redundant"] = ShowRedundant ? "show" : null,
    };
}
