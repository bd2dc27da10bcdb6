using System.Reflection;
using NetArchTest.Rules;
using RetailInsights.Core.Domain;
using RetailInsights.Web.Composition;

namespace RetailInsights.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, held: each folder of the web project uses only the layers below it, the
/// features use each other without a cycle, and Core stays a pure engine.
/// </summary>
[Trait("Tier", "unit")]
public sealed class DependencyDirectionTests
{
    /// <summary>Lowest first. Only the features share a layer; a new folder must be given one here.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Layers =
    [
        ["Data"],
        ["Infrastructure"],
        ["Security"],
        ["Warehouse"],
        ["Components"],
        ["Admin", "Analytics", "Dashboards", "Demo", "Ingestion", "Live", "Sources"],
        ["Composition"],
    ];

    private static readonly string[] FrameworksCoreMustNotUse =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "Npgsql", "RetailInsights.Web"];

    private static readonly Assembly Web = typeof(CommandLine).Assembly;

    private static readonly Lazy<FeatureDependencyGraph> Graph =
        new(() => FeatureDependencyGraph.Of(Web, FeatureDependencyGraph.FoldersOf(Web)));

    [Fact]
    public void Every_folder_of_the_web_project_has_a_layer()
    {
        var unplaced = FeatureDependencyGraph.FoldersOf(Web).Where(f => LayerOf(f) < 0).ToList();

        Assert.True(unplaced.Count == 0, $"Give these folders a layer in {nameof(Layers)} (and in docs/architecture.md): {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void No_folder_uses_a_layer_above_its_own()
    {
        var upward = Graph.Value.Edges
            .Where(e => LayerOf(e.Key.To) > LayerOf(e.Key.From) || (LayerOf(e.Key.To) == LayerOf(e.Key.From) && !IsFeature(e.Key.From)))
            .Select(e => $"{e.Key.From} → {e.Key.To} (by {string.Join(", ", e.Value)})")
            .ToList();

        Assert.True(upward.Count == 0, "Dependencies against the layers:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_folders_use_each_other_without_a_cycle()
    {
        var graph = Graph.Value;
        var cycles = graph.Cycles()
            .Select(c => string.Join(" ⇄ ", c) + ":\n  " + string.Join("\n  ", graph.Edges
                .Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To))
                .Select(e => $"{e.Key.From} → {e.Key.To} by {string.Join(", ", e.Value)}")))
            .ToList();

        Assert.True(cycles.Count == 0, "Folders that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Only_the_composition_root_knows_every_feature()
    {
        var features = Layers[^2];
        var knowingAll = Graph.Value.Edges.Keys
            .Where(e => features.Contains(e.To))
            .GroupBy(e => e.From)
            .Where(g => g.Select(e => e.To).Distinct().Count() >= features.Count - 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Equal(["Composition"], knowingAll);
    }

    [Fact]
    public void Core_uses_no_database_web_or_job_framework()
    {
        var core = typeof(RefundReasons).Assembly;
        var result = Types.InAssembly(core).ShouldNot().HaveDependencyOnAny(FrameworksCoreMustNotUse).GetResult();
        var references = core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => FrameworksCoreMustNotUse.Any(f => n.StartsWith(f, StringComparison.Ordinal)))
            .ToList();

        Assert.True(result.IsSuccessful, "Core types using a framework: " + string.Join(", ", result.FailingTypeNames ?? []));
        Assert.Empty(references);
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_and_names_every_folder_in_it()
    {
        var graph = new FeatureDependencyGraph(new Dictionary<(string From, string To), IReadOnlyList<string>>
        {
            [("Ingestion", "Warehouse")] = ["A"],
            [("Warehouse", "Dashboards")] = ["B"],
            [("Dashboards", "Ingestion")] = ["C"],
            [("Live", "Warehouse")] = ["D"],
            [("Admin", "Data")] = ["E"],
        });

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Dashboards", "Ingestion", "Warehouse"], cycle);
    }

    [Fact]
    public void The_graph_sees_a_dependency_the_web_project_really_has()
    {
        // Guards the checks above against passing because the graph came out empty.
        Assert.Contains(("Composition", "Ingestion"), Graph.Value.Edges.Keys);
        Assert.Contains(("Ingestion", "Data"), Graph.Value.Edges.Keys);
        Assert.True(Graph.Value.Edges.Count > 20, $"Only {Graph.Value.Edges.Count} edges were found.");
    }

    private static int LayerOf(string folder)
    {
        for (var i = 0; i < Layers.Count; i++)
            if (Layers[i].Contains(folder)) return i;
        return -1;
    }

    private static bool IsFeature(string folder) => Layers[^2].Contains(folder);
}
