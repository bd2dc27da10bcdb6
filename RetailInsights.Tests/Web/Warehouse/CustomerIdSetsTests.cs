using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Warehouse;

[Trait("Tier", "unit")]
public sealed class CustomerIdSetsTests
{
    [Fact]
    public void CountDistinct_randomOverlappingSets_equalsTheSizeOfTheirUnion()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var sets = Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
                Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.Next(1, 5000)).Distinct().Order().ToArray()).ToList();

            Assert.Equal(sets.SelectMany(s => s).Distinct().LongCount(), CustomerIdSets.CountDistinct(sets.Select(CustomerIdSet.Of)));
        }
    }

    [Fact]
    public void CountDistinct_idsOnWordEdges_areEachCountedOnce()
    {
        int[][] sets = [[0, 63, 64, 127], [63, 64, 128], [int.MaxValue / 4096]];

        Assert.Equal(6, CustomerIdSets.CountDistinct(sets.Select(CustomerIdSet.Of)));
    }

    [Fact]
    public void CountDistinct_noSetsOrEmptySets_isZero_andIdsOutsideTheKeysStillCount()
    {
        Assert.Equal(0, CustomerIdSets.CountDistinct([]));
        Assert.Equal(0, CustomerIdSets.CountDistinct([CustomerIdSet.Of([]), CustomerIdSet.Of([])]));
        Assert.Equal(3, CustomerIdSets.CountDistinct(new int[][] { [-5, 2], [2, 9], [-5] }.Select(CustomerIdSet.Of)));
    }
}
