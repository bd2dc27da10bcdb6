using System.Reflection;
using Microsoft.Playwright;
using Npgsql;

namespace RetailInsights.Tests.Support;

/// <summary>
/// Every test class names its tier (<c>./test.sh --fast</c> runs the unit tier alone, without PostgreSQL or Chromium),
/// and the tier is the truth: a class that reaches a database through what it holds (its fixtures, constructor, base
/// class, fields, or the locals its async tests keep across an await) is database, one that drives a browser is browser,
/// and one that reaches neither is unit.
/// </summary>
[Trait("Tier", "unit")]
public sealed class TestTiersTests
{
    public const string Trait = "Tier";

    private static readonly string[] Tiers = ["unit", "database", "browser"];

    private static readonly Type[] DatabaseTypes =
        [typeof(TestDatabase), typeof(AppFactory), typeof(PgScriptCluster), typeof(NpgsqlDataSource), typeof(NpgsqlConnection)];

    private static readonly Type[] BrowserTypes = [typeof(BrowserAppFixture), typeof(IBrowser), typeof(IBrowserContext), typeof(IPage)];

    [Fact]
    public void Every_test_class_has_exactly_one_tier()
    {
        var wrong = TestClasses()
            .Select(t => (Type: t, Tiers: TiersOf(t)))
            .Where(c => c.Tiers.Count != 1 || !Tiers.Contains(c.Tiers[0]))
            .Select(c => $"{c.Type.FullName}: [{string.Join(", ", c.Tiers)}]")
            .ToList();
        Assert.True(wrong.Count == 0, "Each test class needs one [Trait(\"Tier\", \"unit\" | \"database\" | \"browser\")]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_test_method_sets_a_tier_of_its_own()
    {
        var wrong = TestClasses()
            .SelectMany(t => TestMethods(t).Where(m => m.GetCustomAttributesData().Any(IsTierTrait)).Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.True(wrong.Count == 0, "The tier is the class's; these methods set their own:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Each_class_is_of_the_tier_of_what_it_reaches()
    {
        // Browser before database: a browser fixture holds a database too.
        var wrong = TestClasses()
            .Select(t => (Type: t, Marked: TiersOf(t), Reached: Reaches(t, BrowserTypes) ? "browser" : Reaches(t, DatabaseTypes) ? "database" : "unit"))
            .Where(c => c.Marked.Count == 1 && c.Marked[0] != c.Reached)
            .Select(c => $"{c.Type.FullName}: marked {c.Marked[0]}, reaches {c.Reached}")
            .ToList();
        Assert.True(wrong.Count == 0, "Tier and use disagree (a unit class may reach neither PostgreSQL nor Chromium):\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_checks_see_fixtures_through_every_route()
    {
        // A fixture held by a fixture (AnalysedSample → OnlineRetailSampleFixture → PipelineFixture → TestDatabase).
        Assert.True(Reaches(typeof(AnalysedSample), DatabaseTypes));
        // A base class's property (UploadPagesContext.Pipeline), and a collection fixture (SegmentRunsCollection).
        Assert.True(Reaches(typeof(Web.Ingestion.UploadsPageTests), DatabaseTypes));
        Assert.True(Reaches(typeof(Web.Dashboards.Segments.SegmentQueriesTests), DatabaseTypes));
        Assert.True(Reaches(typeof(Web.Live.LiveBrowserTests), BrowserTypes));
        // A pure test reaches neither.
        Assert.False(Reaches(typeof(Core.Mining.FpGrowthMinerTests), DatabaseTypes));
        Assert.False(Reaches(typeof(TestTiersTests), DatabaseTypes));
    }

    /// <summary>The classes xUnit runs: concrete, with a [Fact] or [Theory] of their own or inherited.</summary>
    private static IEnumerable<Type> TestClasses() => typeof(TestTiersTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && TestMethods(t).Any())
        .OrderBy(t => t.FullName);

    private static IEnumerable<MethodInfo> TestMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    private static bool IsTierTrait(CustomAttributeData attribute) =>
        attribute.AttributeType == typeof(TraitAttribute) && attribute.ConstructorArguments[0].Value as string == Trait;

    private static List<string> TiersOf(Type type) =>
        [.. type.GetCustomAttributesData().Where(IsTierTrait).Select(a => (string)a.ConstructorArguments[1].Value!)];

    /// <summary>Whether <paramref name="type"/> holds, directly or through the test project's own types, one of <paramref name="targets"/>.</summary>
    private static bool Reaches(Type type, Type[] targets) => Reaches(type, targets, []);

    private static bool Reaches(Type type, Type[] targets, HashSet<Type> seen)
    {
        if (targets.Any(t => t.IsAssignableFrom(type)))
            return true;
        if (type.IsGenericType && type.GetGenericArguments().Any(a => Reaches(a, targets, seen)))
            return true;
        if (type.IsArray)
            return Reaches(type.GetElementType()!, targets, seen);
        // Only the test project's own types are looked into: the app's and the frameworks' are what is under test.
        if (type.Assembly != typeof(TestTiersTests).Assembly || !seen.Add(type))
            return false;
        return Held(type).Any(h => Reaches(h, targets, seen));
    }

    /// <summary>The types <paramref name="type"/> is built from or keeps: base, fixtures, constructor parameters, fields, nested (compiler-made) types.</summary>
    private static IEnumerable<Type> Held(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var fixture in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)))
            yield return fixture.GetGenericArguments()[0];
        foreach (var fixture in CollectionFixtures(type))
            yield return fixture;
        foreach (var parameter in type.GetConstructors(all).SelectMany(c => c.GetParameters()))
            yield return parameter.ParameterType;
        foreach (var field in type.GetFields(all))
            yield return field.FieldType;
        foreach (var property in type.GetProperties(all))
            yield return property.PropertyType;
        // Async tests keep their awaited locals in fields of a state machine; lambdas keep theirs in closure classes.
        foreach (var nested in type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
            yield return nested;
    }

    private static IEnumerable<Type> CollectionFixtures(Type type)
    {
        var name = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(CollectionAttribute))?.ConstructorArguments[0].Value;
        if (name is null)
            return [];
        return typeof(TestTiersTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionDefinitionAttribute)
                && a.ConstructorArguments.Count > 0 && Equals(a.ConstructorArguments[0].Value, name)))
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionFixture<>))
            .Select(i => i.GetGenericArguments()[0]);
    }
}
