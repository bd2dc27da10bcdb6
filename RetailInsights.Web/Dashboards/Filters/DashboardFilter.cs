using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace RetailInsights.Web.Dashboards.Filters;

/// <summary>
/// What every dashboard shows: a range of days (compared with as many days before it), and optionally some stores or
/// a region, a product category, one product and a source system. It lives in the page's URL
/// (<c>?from=2026-11-01&amp;to=2026-11-30&amp;store=JKT-01</c>), so a link reproduces the view.
/// </summary>
public sealed record DashboardFilter
{
    /// <summary>Days shown when the URL names no range: the last 30 of the data.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest range a page answers (ten years), so a typed URL cannot ask for centuries.</summary>
    public const int MaxDays = 3660;

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>Store codes; empty for every store.</summary>
    public IReadOnlyList<string> Stores { get; init; } = [];

    public string? Region { get; init; }

    /// <summary>A product category; "" for products no catalog has categorized.</summary>
    public string? Category { get; init; }

    /// <summary>The source system (retailer code).</summary>
    public string? Source { get; init; }

    /// <summary>One product's stock code (the Refunds page drills into one); only product-level figures follow it.</summary>
    public string? Product { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The as many days just before: what the figures are compared with.</summary>
    public DashboardFilter Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    public bool IsNarrowed => Stores.Count > 0 || Region is not null || Category is not null || Source is not null || Product is not null;

    /// <summary>The default view: the last <see cref="DefaultDays"/> days up to the latest day with data.</summary>
    public static DashboardFilter Default(DateOnly latestDay) => new() { From = latestDay.AddDays(1 - DefaultDays), To = latestDay };

    /// <summary>
    /// Reads a page's query string; what is missing or unreadable takes its default (a reversed range is put right, a
    /// too long one ends at its "to").
    /// </summary>
    public static DashboardFilter Parse(string queryString, DateOnly latestDay) => Parse(QueryHelpers.ParseQuery(queryString), latestDay);

    public static DashboardFilter Parse(IReadOnlyDictionary<string, StringValues> query, DateOnly latestDay)
    {
        var defaults = Default(latestDay);
        var to = Day(query, "to") ?? defaults.To;
        var from = Day(query, "from") ?? to.AddDays(1 - DefaultDays);
        if (from > to)
            (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            from = to.AddDays(1 - MaxDays);
        return new DashboardFilter
        {
            From = from,
            To = to,
            Stores = query.TryGetValue("store", out var stores)
                ? stores.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                : [],
            Region = Text(query, "region"),
            Category = query.TryGetValue("category", out var category) && category.Count > 0 ? category[0]?.Trim() ?? "" : null,
            Source = Text(query, "source"),
            Product = Text(query, "product"),
        };
    }

    /// <summary>The query string that reproduces this filter, starting with "?".</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("from", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        parts.AddRange(Stores.Select(s => new KeyValuePair<string, string?>("store", s)));
        if (Region is not null)
            parts.Add(new("region", Region));
        if (Category is not null)
            parts.Add(new("category", Category));
        if (Source is not null)
            parts.Add(new("source", Source));
        if (Product is not null)
            parts.Add(new("product", Product));
        return QueryString.Create(parts).ToString();
    }

    /// <summary>The same view on another page (or this one), as a link.</summary>
    public string Link(string path) => path + ToQueryString();

    public bool Equals(DashboardFilter? other) => other is not null && ToQueryString() == other.ToQueryString();

    public override int GetHashCode() => ToQueryString().GetHashCode(StringComparison.Ordinal);

    private static DateOnly? Day(IReadOnlyDictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var value)
        && DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string? Text(IReadOnlyDictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString().Trim() is { Length: > 0 } text ? text : null;
}
