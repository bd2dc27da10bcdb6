using RetailInsights.Web.Data;

namespace RetailInsights.Tests.Architecture;

[Trait("Tier", "unit")]
public sealed class DependencyMapDump
{
    [Fact]
    public void Dump()
    {
        var asm = typeof(RetailInsightsDbContext).Assembly;
        var folders = FeatureDependencyGraph.FoldersOf(asm);
        var g = FeatureDependencyGraph.Of(asm, folders);
        var lines = new List<string>();
        foreach (var ((f, t), users) in g.Edges.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To))
            lines.Add($"{f} -> {t}: {string.Join(", ", users.Take(8))}{(users.Count > 8 ? $" (+{users.Count - 8})" : "")}");
        foreach (var c in g.Cycles()) lines.Add("CYCLE: " + string.Join(" ", c));
        File.WriteAllLines("/tmp/depmap.txt", lines);
    }
}
