namespace RetailInsights.Tests.Support;

/// <summary>
/// Browser tests run on their own, after the parallel ones: a live Blazor circuit on a 2-core machine shared with
/// a dozen database tests answers too slowly for a person-like test to mean anything.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
