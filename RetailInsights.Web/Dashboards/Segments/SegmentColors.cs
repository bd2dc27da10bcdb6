using RetailInsights.Core.Clustering;

namespace RetailInsights.Web.Dashboards.Segments;

/// <summary>
/// One colour per segment on every chart, from good (greens, blues) through drifting (yellow, orange) to at risk
/// (reds) and gone (greys), and one per cluster, with outliers in black.
/// </summary>
public static class SegmentColors
{
    private static readonly Dictionary<string, string> BySegment = new()
    {
        ["Champions"] = "#1b7837",
        ["Loyal Customers"] = "#5aae61",
        ["Potential Loyalists"] = "#a6d96a",
        ["New Customers"] = "#2166ac",
        ["Promising"] = "#67a9cf",
        ["Needs Attention"] = "#e6c229",
        ["About to Sleep"] = "#fdae61",
        ["At Risk"] = "#f46d43",
        ["Can't Lose Them"] = "#b2182b",
        ["Hibernating"] = "#9e9ac8",
        ["Lost"] = "#969696",
    };

    private static readonly string[] Clusters = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    public static string Segment(string name) => BySegment.GetValueOrDefault(name, "#607d8b");

    public static string Cluster(int cluster) => cluster == CustomerClusterer.OutlierCluster ? "#212121" : Clusters[cluster % Clusters.Length];

    /// <summary>A coloured dot before a segment's or a cluster's name in tables.</summary>
    public static string Dot(string color) =>
        $"display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;background:{color}";

    /// <summary>How the page names a cluster: 1-based, as people count.</summary>
    public static string ClusterName(int cluster) => cluster == CustomerClusterer.OutlierCluster ? "Outliers" : $"Cluster {cluster + 1}";
}
