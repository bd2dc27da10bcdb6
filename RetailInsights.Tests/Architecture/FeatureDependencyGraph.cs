using System.Reflection;
using NetArchTest.Rules;

namespace RetailInsights.Tests.Architecture;

/// <summary>
/// The folders of the web project as a graph: an edge A → B for every type in folder A that uses a type of folder B,
/// read from the compiled assembly (so razor markup, generic arguments and attributes count, not only usings).
/// </summary>
public sealed class FeatureDependencyGraph
{
    public const string Root = "RetailInsights.Web";

    public FeatureDependencyGraph(IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> edges) => Edges = edges;

    /// <summary>Each edge with the types of its source folder that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges { get; }

    public static IReadOnlyList<string> FoldersOf(Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static FeatureDependencyGraph Of(Assembly assembly, IReadOnlyList<string> folders)
    {
        var edges = new Dictionary<(string From, string To), IReadOnlyList<string>>();
        var types = Types.InAssembly(assembly);
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(f => f != from))
            {
                var result = types
                    .That().ResideInNamespace($"{Root}.{from}")
                    .ShouldNot().HaveDependencyOn($"{Root}.{to}")
                    .GetResult();
                var users = (result.FailingTypes ?? [])
                    .Where(t => InFolder(t.Namespace, from))
                    .Select(t => t.FullName!)
                    .ToList();
                if (users.Count > 0) edges[(from, to)] = users;
            }
        }
        return new FeatureDependencyGraph(edges);
    }

    private static bool InFolder(string? ns, string folder) =>
        ns is not null && (ns == $"{Root}.{folder}" || ns.StartsWith($"{Root}.{folder}.", StringComparison.Ordinal));

    /// <summary>Every cycle's folders (strongly connected components of more than one folder).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.Keys.Where(e => e.From == v).Select(e => e.To))
            {
                if (!indices.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) components.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var n in nodes.Where(n => !indices.ContainsKey(n))) Visit(n);
        return components;
    }
}
