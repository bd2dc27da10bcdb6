using System.Globalization;
using RetailInsights.Core.Clustering;
using RetailInsights.Core.Segmentation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Clustering;

[Trait("Tier", "unit")]
public sealed class CustomerClustererTests
{
    [Fact]
    public void LogZ_ofTheReferenceRfm_equalsRsLogzColumns()
    {
        var rows = SimpleCsv.Read(ReferenceData.Path("online-retail-sample", "reference", "rfm.csv")).Rows;
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

        var ours = RfmStandardizer.LogZ(rows.Select(r => new[] { D(r["Recency"]), D(r["Frequency"]), D(r["Monetary"]) }).ToArray());

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(D(rows[i]["logz_R"]), ours[i][0], 9);
            Assert.Equal(D(rows[i]["logz_F"]), ours[i][1], 9);
            Assert.Equal(D(rows[i]["logz_M"]), ours[i][2], 9);
        }
    }

    [Fact]
    public void Cluster_threeKindsOfCustomers_choosesThree_andSummarizesThemInTheirUnits()
    {
        var random = new Random(8);
        var customers = new List<RfmValues>();
        for (var i = 0; i < 150; i++)
        {
            customers.Add(new RfmValues($"A{i}", 2 + random.Next(3), 30 + random.Next(5), 3000 + random.Next(300)));  // active big spenders
            customers.Add(new RfmValues($"B{i}", 40 + random.Next(5), 8 + random.Next(2), 400 + random.Next(40)));    // drifting regulars
            customers.Add(new RfmValues($"C{i}", 300 + random.Next(30), 1, 20 + random.Next(5)));                     // lapsed one-timers
        }

        var result = CustomerClusterer.Cluster(customers);

        Assert.Equal(3, result.ChosenK);
        Assert.Equal(0, result.Outliers);
        Assert.Equal(Enumerable.Range(2, 9), result.Candidates.Select(c => c.K));
        foreach (var prefix in new[] { "A", "B", "C" })
            Assert.Single(customers.Select((c, i) => (c, i)).Where(x => x.c.CustomerId.StartsWith(prefix)).Select(x => result.Assignments[x.i]).Distinct());
        Assert.Equal(customers.Count, result.Clusters.Sum(c => c.Size));
        Assert.Equal(1.0, result.Clusters.Sum(c => c.RevenueShare), 9);
        var big = result.Clusters.MaxBy(c => c.MeanMonetary)!;
        Assert.Equal("Active high-value", big.Label);
        Assert.InRange(big.MeanRecencyDays, 2, 4);
        Assert.Equal("Lapsed low-value", result.Clusters.MinBy(c => c.MeanMonetary)!.Label);
    }

    [Fact]
    public void ClustersInTheSameCell_areToldApartBySpend_othersKeepTheirLabel()
    {
        ClusterSummary Summary(int cluster, string label, decimal spend) => new(cluster, label, "act", 10, 5, 2, spend, 0.1);
        var summaries = new List<ClusterSummary>
        {
            Summary(1, "Recent light buyers", 100m), Summary(2, "Active high-value", 900m), Summary(3, "Recent light buyers", 500m),
            Summary(4, "Lapsed low-value", 50m), Summary(5, "Lapsed low-value", 70m), Summary(6, "Lapsed low-value", 60m),
        };

        var labels = CustomerClusterer.WithDistinctLabels(summaries).ToDictionary(s => s.Cluster, s => s.Label);

        Assert.Equal("Recent light buyers (lower spend)", labels[1]);
        Assert.Equal("Active high-value", labels[2]);
        Assert.Equal("Recent light buyers (higher spend)", labels[3]);
        Assert.Equal("Lapsed low-value (3 of 3 by spend)", labels[4]);
        Assert.Equal("Lapsed low-value (1 of 3 by spend)", labels[5]);
        Assert.Equal("Lapsed low-value (2 of 3 by spend)", labels[6]);
    }

    [Fact]
    public void OutlierFlags_beyondQ3PlusThreeIqr_onFrequencyOrMonetary()
    {
        // Ten ordinary customers (frequency 1..10, spend 10..100) put both fences far below the two extremes.
        var customers = Enumerable.Range(1, 10).Select(i => new RfmValues($"C{i}", 5, i, 10m * i)).ToList();
        customers.Add(new RfmValues("Wholesaler", 5, 3, 5000m));
        customers.Add(new RfmValues("DailyShopper", 5, 60, 50m));

        var flags = CustomerClusterer.OutlierFlags(customers);

        Assert.Equal(["Wholesaler", "DailyShopper"], customers.Where((_, i) => flags[i]).Select(c => c.CustomerId));
    }
}
