using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Web.Admin.ApiKeys;

/// <summary>What an admin types for a key's scope (page and command), and the words a refusal names it with.</summary>
[Trait("Tier", "unit")]
public sealed class ApiKeyScopeParseTests
{
    [Fact]
    public void Parse_codesSeparatedByCommasOrSemicolons_trimmedOnceEach_spacesInsideKept()
    {
        var scope = ApiKeyScope.Parse([" Events ", "events"], "pos; web ,", " Store 12 , S01,S01\n");

        Assert.Equal([ApiKeyPurposes.Events], scope.Purposes);
        Assert.Equal(["pos", "web"], scope.Sources!);
        Assert.Equal(["Store 12", "S01"], scope.Stores!);
        Assert.False(scope.IsFull);
    }

    [Fact]
    public void Parse_bothPurposesAndNoCodes_isFullRights()
    {
        var scope = ApiKeyScope.Parse(["events", "uploads"], " ", null);

        Assert.True(scope.IsFull);
        Assert.Equal(ApiKeyPurposes.All, scope.Purposes);
        Assert.Equal("full rights: uploads and events, any source, any store", scope.Describe());
    }

    [Theory]
    [InlineData(new string[0], null, "at least one purpose")]
    [InlineData(new[] { "pulls" }, null, "'pulls' is not a purpose")]
    [InlineData(new[] { "uploads" }, "S-0123456789012345678901234567890123456789012345678901234567890123", "at most 64 characters")]
    public void Parse_whatCannotBeTaken_isRefusedSayingWhy(string[] purposes, string? stores, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => ApiKeyScope.Parse(purposes, null, stores)).Message);

    [Fact]
    public void StoresProblem_namesTheScopeAndAFewOfTheStoresOutsideIt()
    {
        var scope = new ApiKeyScope([ApiKeyPurposes.Events], null, ["S01"]);

        Assert.Null(scope.StoresProblem(["S01", "S01"], "post events"));
        Assert.Equal("This key may post events only for stores S01; S02, S03 are outside its scope.",
            scope.StoresProblem(["S01", "S02", "S03", "S02"], "post events"));
        Assert.EndsWith("S2, S3, S4, S5, S6 and 2 more are outside its scope.", scope.StoresProblem(Enumerable.Range(2, 7).Select(i => $"S{i}"), "post events"));
    }
}
