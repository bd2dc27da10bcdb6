using RetailInsights.Core.Segmentation;

namespace RetailInsights.Tests.Core.Segmentation;

[Trait("Tier", "unit")]
public sealed class RfmScorerTests
{
    // Ten customers whose every score and segment is worked out by hand below.
    // Score of a position p (mean rank of its tie group) among n = 10: 1 + ⌊5 × (p − ½) / 10⌋,
    // so positions 1–2 → 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5.
    private static readonly RfmValues[] Customers =
    [
        new("C01", 2, 1, 80m),      // R: 9th most recent → 5; F: tied lowest with C08, mean rank 1.5 → 1; M: 2nd → 1
        new("C02", 1, 12, 3000m),   // R 10th → 5; F 9th → 5; M 10th → 5
        new("C03", 90, 15, 2500m),  // R 1st (least recent) → 1; F 10th → 5; M 9th → 5
        new("C04", 40, 9, 900m),    // R 4th → 2; F 8th → 4; M 7th → 4
        new("C05", 10, 5, 400m),    // R 7th → 4; F 6th → 3; M 5th → 3
        new("C06", 15, 3, 250m),    // R 6th → 3; F 4th → 2; M 4th → 2
        new("C07", 60, 2, 120m),    // R 3rd → 2; F 3rd → 2; M 3rd → 2
        new("C08", 75, 1, 30m),     // R 2nd → 1; F tied, 1.5 → 1; M 1st → 1
        new("C09", 5, 4, 600m),     // R 8th → 4; F 5th → 3; M 6th → 3
        new("C10", 25, 7, 1200m),   // R 5th → 3; F 7th → 4; M 8th → 4
    ];

    [Theory]
    // FM = ⌈(F + M) / 2⌉; the segment is the grid cell of (R, FM).
    [InlineData("C01", 5, 1, 1, "New Customers")]
    [InlineData("C02", 5, 5, 5, "Champions")]
    [InlineData("C03", 1, 5, 5, "Can't Lose Them")]
    [InlineData("C04", 2, 4, 4, "At Risk")]
    [InlineData("C05", 4, 3, 3, "Potential Loyalists")]
    [InlineData("C06", 3, 2, 2, "About to Sleep")]
    [InlineData("C07", 2, 2, 2, "Hibernating")]
    [InlineData("C08", 1, 1, 1, "Lost")]
    [InlineData("C09", 4, 3, 3, "Potential Loyalists")]
    [InlineData("C10", 3, 4, 4, "Loyal Customers")]
    public void Score_handMadeCustomers_matchTheScoresAndSegmentsWorkedOutByHand(string id, int r, int f, int m, string segment)
    {
        var score = RfmScorer.Score(Customers).Single(s => s.Values.CustomerId == id);
        Assert.Equal((r, f, m, segment), (score.R, score.F, score.M, score.Segment.Name));
    }

    [Fact]
    public void Score_allEqualValues_giveEveryoneTheMiddleScore()
    {
        var scores = RfmScorer.Score(Enumerable.Range(1, 7).Select(i => new RfmValues($"C{i}", 10, 2, 50m)).ToArray());
        Assert.All(scores, s => Assert.Equal((3, 3, 3, "Needs Attention"), (s.R, s.F, s.M, s.Segment.Name)));
    }

    [Theory]
    [InlineData(new[] { 100 }, new[] { 3 })]
    [InlineData(new[] { 100, 200 }, new[] { 2, 4 })]
    [InlineData(new[] { 100, 200, 300, 400 }, new[] { 1, 2, 4, 5 })]
    // The tied pair holds positions 1 and 2, mean 1.5: 1 + ⌊5 × 1 / 4⌋ = 2.
    [InlineData(new[] { 100, 100, 300, 400 }, new[] { 2, 2, 4, 5 })]
    public void Score_fewerThanFiveCustomers_spreadByPosition(int[] monetary, int[] expected)
    {
        var customers = monetary.Select((m, i) => new RfmValues($"C{i}", 1, 1, m)).ToArray();
        Assert.Equal(expected, RfmScorer.Score(customers).Select(s => s.M));
    }

    [Fact]
    public void Score_manyTies_tiedCustomersAlwaysShareAScore()
    {
        // 60% bought once: their mean position is 0.3n, so all of them score 1 + ⌊5 × (3.5 − ½)/10⌋ = 2.
        var customers = Enumerable.Range(0, 10).Select(i => new RfmValues($"C{i}", i, i < 6 ? 1 : i, 10m * i)).ToArray();
        var scores = RfmScorer.Score(customers);
        Assert.Single(scores.Take(6).Select(s => s.F).Distinct());
        Assert.Equal(2, scores[0].F);
        Assert.Equal([4, 4, 5, 5], scores.Skip(6).Select(s => s.F));
    }

    [Fact]
    public void SegmentRules_partitionTheGrid_everyCellExactlyOnce_everySegmentReachable()
    {
        for (var r = 1; r <= 5; r++)
            for (var fm = 1; fm <= 5; fm++)
                Assert.Single(RfmSegmentRules.Table, s => s.Matches(r, fm));
        foreach (var required in new[] { "Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "At Risk", "Can't Lose Them", "Hibernating", "Needs Attention" })
            Assert.Contains(RfmSegmentRules.Table, s => s.Name == required);
        Assert.All(RfmSegmentRules.Table, s => Assert.False(string.IsNullOrWhiteSpace(s.Action)));
    }
}
