using System.Diagnostics;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Core.Mining;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Mining;

[Trait("Tier", "unit")]
public sealed class FpGrowthMinerTests
{
    // Five baskets, worked out by hand:
    //   {bread, milk}, {bread, butter, milk}, {butter, milk}, {bread, butter}, {bread, butter, milk}
    //   counts: bread 4, milk 4, butter 4; bread+milk 3, bread+butter 3, butter+milk 3; all three 2.
    private static readonly BasketSet Breakfast = BasketSet.FromBaskets(
    [
        ["bread", "milk"], ["bread", "butter", "milk"], ["butter", "milk"], ["bread", "butter"], ["bread", "butter", "milk"],
    ]);

    [Fact]
    public void Mine_handWorkedExample_everyMetric()
    {
        var result = new FpGrowthMiner().Mine(Breakfast, new MiningOptions { MinSupport = 0.4, MinConfidence = 0.6, MinLift = null });
        var rules = ReferenceRules.Ours(result, Breakfast);

        // {bread,butter} → {milk}: support 2/5 = 0.4; confidence 2/3; lift (2/3)/(4/5) = 5/6;
        // leverage 0.4 − 0.6 × 0.8 = −0.08; conviction (1 − 0.8)/(1 − 2/3) = 0.6.
        var rule = rules["{bread,butter} => {milk}"];
        Assert.Equal((2, 3, 4), (rule.Count, rule.AntecedentCount, rule.ConsequentCount));
        Assert.Equal(0.4, rule.Support, 12);
        Assert.Equal(2.0 / 3, rule.Confidence, 12);
        Assert.Equal(5.0 / 6, rule.Lift, 12);
        Assert.Equal(-0.08, rule.Leverage, 12);
        Assert.Equal(0.6, rule.Conviction, 12);
        // {bread} → {milk}: 3/4 = 0.75 ≥ 0.6; six pair rules and three triple rules, all with confidence ≥ 0.6.
        Assert.Equal(0.75, rules["{bread} => {milk}"].Confidence, 12);
        Assert.Equal(9, rules.Count);
        Assert.Equal(7, result.Itemsets.Count);
    }

    [Fact]
    public void Mine_confidenceOne_hasInfiniteConviction()
    {
        var baskets = BasketSet.FromBaskets([["a", "b"], ["a", "b"], ["c"]]);
        var rule = ReferenceRules.Ours(new FpGrowthMiner().Mine(baskets, new MiningOptions { MinSupport = 0.5, MinLift = null }), baskets)["{a} => {b}"];
        Assert.Equal(1.0, rule.Confidence);
        Assert.True(double.IsPositiveInfinity(rule.Conviction));
    }

    [Fact]
    public void Mine_multiItemConsequents_whenAllowed()
    {
        var result = new FpGrowthMiner().Mine(Breakfast, new MiningOptions { MinSupport = 0.4, MinConfidence = 0.5, MinLift = null, MaxConsequentSize = 2 });
        var rule = ReferenceRules.Ours(result, Breakfast)["{bread} => {butter,milk}"];
        Assert.Equal(0.5, rule.Confidence, 12); // 2 of bread's 4 baskets hold butter and milk
        Assert.Equal(3, rule.ConsequentCount);
    }

    [Fact]
    public void Mine_maxItemsetSizeAndLiftFilter_areRespected()
    {
        var pairsOnly = new FpGrowthMiner().Mine(Breakfast, new MiningOptions { MinSupport = 0.4, MinConfidence = 0, MinLift = null, MaxItemsetSize = 2 });
        var liftAboveOne = new FpGrowthMiner().Mine(Breakfast, new MiningOptions { MinSupport = 0.4, MinConfidence = 0, MinLift = 1.0 });

        Assert.All(pairsOnly.Itemsets, s => Assert.True(s.Items.Length <= 2));
        Assert.Equal(6, pairsOnly.Rules.Count);
        Assert.Empty(liftAboveOne.Rules); // every rule here has lift 15/16 or 5/6
    }

    [Fact]
    public void Mine_onlineRetailAtLowSupport_stopsQuicklyAtTheCapWithAClearMessage()
    {
        var baskets = ReferenceRules.OnlineRetail(productsOnly: false);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<MiningLimitExceededException>(() =>
            new FpGrowthMiner().Mine(baskets, new MiningOptions { MinSupport = 0.01, MaxItemsets = 500_000 }));

        Assert.Equal("itemsets", error.Cause);
        Assert.Contains("Raise the min support (try 0.02)", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Mine_cancelled_stops()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new FpGrowthMiner().Mine(ReferenceRules.OnlineRetail(false),
            new MiningOptions { MinSupport = 0.01 }, cancel.Token));
    }

    [Fact]
    public void Mine_generatedDemoData_recoversThePlantedRules_andNoFeeCodes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ri-mine-" + Guid.NewGuid().ToString("N"));
        try
        {
            new DemoDataGenerator().Generate(new GeneratorOptions { Days = 30, EndDate = new DateOnly(2025, 6, 30) }, folder);
            // Baskets as the app mines them: sale invoices, no returns, no fee codes, no zero-price lines.
            var baskets = BasketSet.FromPairs(Directory.GetFiles(folder, "transactions_*.csv").SelectMany(f => SimpleCsv.Read(f).Rows)
                .Where(r => !r["Invoice"].StartsWith('C') && decimal.Parse(r["Price"], System.Globalization.CultureInfo.InvariantCulture) > 0
                            && !NonProductCodes.IsNonProduct(r["StockCode"]))
                .Select(r => (r["Invoice"], r["StockCode"])));

            var rules = ReferenceRules.Ours(new FpGrowthMiner().Mine(baskets, new MiningOptions()), baskets);

            foreach (var planted in DemoCatalog.PlantedAssociations)
            {
                var rule = rules[$"{{{planted.Antecedent}}} => {{{planted.Consequent}}}"];
                Assert.InRange(rule.Confidence, planted.Probability - 0.03, planted.Probability + 0.03);
                Assert.True(rule.Lift > 1);
            }
            Assert.DoesNotContain(rules.Keys, k => NonProductCodes.GeneratorAdminFees.Any(k.Contains));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
