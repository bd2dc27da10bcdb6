using System.Globalization;
using RetailInsights.Core.Clustering;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Clustering;

/// <summary>On R's own standardized RFM data, our clustering is no worse than R's kmeans(nstart = 10).</summary>
[Trait("Tier", "unit")]
public sealed class KMeansReferenceTests
{
    private static readonly List<Dictionary<string, string>> Rfm =
        SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "rfm.csv")).Rows;

    private static double[][] Points() => Rfm
        .Select(r => new[] { D(r["logz_R"]), D(r["logz_F"]), D(r["logz_M"]) })
        .ToArray();

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Fit_eachKFromTwoToEight_withinSumOfSquaresNoWorseThanR()
    {
        var points = Points();
        var summary = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "kmeans_summary.csv")).Rows;
        foreach (var row in summary)
        {
            var k = int.Parse(row["k"], CultureInfo.InvariantCulture);
            var rWss = D(row["tot_withinss"]);
            var ours = KMeansClusterer.Fit(points, k);
            Assert.True(ours.WithinSumOfSquares <= rWss * (1 + 1e-6), $"k={k}: ours {ours.WithinSumOfSquares} vs R {rWss}");
        }
    }

    [Fact]
    public void Silhouette_ofRsOwnAssignment_equalsRsValue()
    {
        var points = Points();
        var clusters = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "kmeans_clusters.csv")).Rows;
        var summary = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "kmeans_summary.csv")).Rows;
        foreach (var k in new[] { 2, 4, 7 })
        {
            var assignments = clusters.Select(c => int.Parse(c[$"k{k}"], CultureInfo.InvariantCulture) - 1).ToArray();
            var expected = D(summary.Single(s => s["k"] == k.ToString(CultureInfo.InvariantCulture))["mean_silhouette"]);
            Assert.Equal(expected, Silhouette.Mean(points, assignments, k, maxPoints: points.Length), 9);
        }
    }

    [Fact]
    public void Fit_threeWellSeparatedBlobs_findsThemExactly_andTheSameSeedGivesTheSameResult()
    {
        var random = new Random(5);
        var centres = new[] { new[] { 0.0, 0.0, 0.0 }, new[] { 10.0, 10.0, 0.0 }, new[] { 0.0, 10.0, 10.0 } };
        var points = Enumerable.Range(0, 300).Select(i => centres[i % 3].Select(c => c + random.NextDouble() - 0.5).ToArray()).ToArray();

        var model = KMeansClusterer.Fit(points, 3);
        var again = KMeansClusterer.Fit(points, 3);

        for (var blob = 0; blob < 3; blob++)
            Assert.Single(Enumerable.Range(0, 300).Where(i => i % 3 == blob).Select(i => model.Assignments[i]).Distinct());
        Assert.Equal(3, model.Assignments.Distinct().Count());
        Assert.Equal(model.Assignments, again.Assignments);
    }
}
