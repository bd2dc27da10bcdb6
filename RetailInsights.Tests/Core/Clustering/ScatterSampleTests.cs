using RetailInsights.Core.Clustering;

namespace RetailInsights.Tests.Core.Clustering;

[Trait("Tier", "unit")]
public sealed class ScatterSampleTests
{
    private static int[] Assignments(params (int Cluster, int Count)[] groups) =>
        groups.SelectMany(g => Enumerable.Repeat(g.Cluster, g.Count)).ToArray();

    [Fact]
    public void Pick_largeClusters_sharesThePointsByClusterSize()
    {
        var assignments = Assignments((0, 60_000), (1, 30_000), (2, 10_000));

        var picked = ScatterSample.Pick(assignments, maxPoints: 2000);

        Assert.Equal(1200, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == 0));
        Assert.Equal(600, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == 1));
        Assert.Equal(200, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == 2));
    }

    [Fact]
    public void Pick_smallClusterAndOutliers_keepsThemVisible()
    {
        var assignments = Assignments((0, 50_000), (1, 12), (CustomerClusterer.OutlierCluster, 400));

        var picked = ScatterSample.Pick(assignments, maxPoints: 1000, maxOutliers: 300, minPerCluster: 30);

        Assert.Equal(12, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == 1));
        Assert.Equal(300, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == CustomerClusterer.OutlierCluster));
        Assert.Equal(1000, Enumerable.Range(0, assignments.Length).Count(i => picked[i] && assignments[i] == 0));
    }

    [Fact]
    public void Pick_sameInput_picksTheSameCustomers_andFewCustomersAreAllDrawn()
    {
        var assignments = Assignments((0, 5000), (1, 3000), (CustomerClusterer.OutlierCluster, 40));
        var few = Assignments((0, 500), (1, 300), (CustomerClusterer.OutlierCluster, 4));

        Assert.Equal(ScatterSample.Pick(assignments), ScatterSample.Pick(assignments));
        Assert.NotEqual(ScatterSample.Pick(assignments), ScatterSample.Pick(assignments, seed: 7));
        Assert.All(ScatterSample.Pick(few), Assert.True);
    }
}
