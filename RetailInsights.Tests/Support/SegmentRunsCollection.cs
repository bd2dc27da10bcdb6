namespace RetailInsights.Tests.Support;

/// <summary>The test classes that read the sample's two analytics runs, which are built once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class SegmentRunsCollection : ICollectionFixture<SegmentRunsFixture>
{
    public const string Name = "segment runs";
}
