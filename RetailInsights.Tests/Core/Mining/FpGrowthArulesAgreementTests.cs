using RetailInsights.Core.Mining;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Mining;

/// <summary>
/// The acceptance test of the miner: on the reference data it finds exactly arules' rules (non-empty lhs, one rhs
/// item), with support, confidence and lift equal to 1e-9 and the same counts.
/// </summary>
[Trait("Tier", "unit")]
public sealed class FpGrowthArulesAgreementTests
{
    [Theory]
    [InlineData("groceries", 0.001, 0.5, 5668, "groceries", "rules_supp0.001_conf0.5.csv")]
    [InlineData("groceries", 0.01, 0.1, 427, "groceries", "rules_supp0.01_conf0.1.csv")]
    [InlineData("all", 0.02, 0.3, 232, "online-retail-sample/reference", "rules_all_supp0.02_conf0.3.csv")]
    [InlineData("all", 0.03, 0.1, 58, "online-retail-sample/reference", "rules_all_supp0.03_conf0.1.csv")]
    [InlineData("products", 0.02, 0.3, 231, "online-retail-sample/reference", "rules_products_supp0.02_conf0.3.csv")]
    [InlineData("products", 0.03, 0.1, 58, "online-retail-sample/reference", "rules_products_supp0.03_conf0.1.csv")]
    public void Mine_referenceData_givesArulesRuleSetAndMetrics(string data, double support, double confidence, int expectedRules, string folder, string file)
    {
        var baskets = data == "groceries" ? ReferenceRules.Groceries() : ReferenceRules.OnlineRetail(productsOnly: data == "products");
        var reference = ReferenceRules.Read([.. folder.Split('/'), file]);

        var result = new FpGrowthMiner().Mine(baskets, new MiningOptions { MinSupport = support, MinConfidence = confidence, MinLift = null });
        var ours = ReferenceRules.Ours(result, baskets);

        Assert.Equal(expectedRules, reference.Count);
        Assert.Empty(reference.Keys.Except(ours.Keys));
        Assert.Empty(ours.Keys.Except(reference.Keys));
        foreach (var (key, expected) in reference)
        {
            var rule = ours[key];
            Assert.Equal(expected.Count, rule.Count);
            Assert.Equal(expected.Support, rule.Support, 1e-9);
            Assert.Equal(expected.Confidence, rule.Confidence, 1e-9);
            Assert.Equal(expected.Lift, rule.Lift, 1e-9);
        }
    }

    [Fact]
    public void Mine_groceries_frequentItemsetsEqualEclat()
    {
        var baskets = ReferenceRules.Groceries();
        var eclat = SimpleCsv.Read(ReferenceData.Path("groceries", "eclat_itemsets_supp0.001.csv")).Rows
            .ToDictionary(r => ReferenceRules.Canonical(r["items"]), r => int.Parse(r["count"]));

        var result = new FpGrowthMiner().Mine(baskets, new MiningOptions { MinSupport = 0.001, MinConfidence = 1.1 });
        var ours = result.Itemsets.ToDictionary(s => ReferenceRules.Canonical(MiningResult.Describe(baskets.Items, s.Items)), s => s.Count);

        Assert.Equal(13_492, eclat.Count);
        Assert.Equal(eclat.Count, ours.Count);
        Assert.All(eclat, e => Assert.Equal(e.Value, ours[e.Key]));
        Assert.Empty(result.Rules);
    }
}
