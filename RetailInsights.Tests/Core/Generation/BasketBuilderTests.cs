using RetailInsights.Core.Generation;

namespace RetailInsights.Tests.Core.Generation;

[Trait("Tier", "unit")]
public sealed class BasketBuilderTests
{
    [Fact]
    public void Build_fullBaskets_stayWithinTheCap_andKeepEveryPlantedConfidence()
    {
        var builder = new BasketBuilder();
        var random = new Random(1);
        var basket = new List<int>();
        var codes = DemoCatalog.Products.Select(p => p.StockCode).ToArray();
        var withAntecedent = new int[DemoCatalog.PlantedAssociations.Count];
        var withBoth = new int[DemoCatalog.PlantedAssociations.Count];

        for (var i = 0; i < 40_000; i++)
        {
            builder.Build(BasketBuilder.MaxItems, random, basket);
            Assert.InRange(basket.Count, 1, BasketBuilder.MaxItems);
            Assert.Equal(basket.Count, basket.Distinct().Count());
            var items = basket.Select(index => codes[index]).ToHashSet();
            for (var r = 0; r < withAntecedent.Length; r++)
            {
                var rule = DemoCatalog.PlantedAssociations[r];
                if (!items.Contains(rule.Antecedent))
                    continue;
                withAntecedent[r]++;
                if (items.Contains(rule.Consequent))
                    withBoth[r]++;
            }
        }

        for (var r = 0; r < withAntecedent.Length; r++)
        {
            var probability = DemoCatalog.PlantedAssociations[r].Probability;
            Assert.InRange(withBoth[r] / (double)withAntecedent[r], probability - 0.02, probability + 0.02);
        }
    }

    [Fact]
    public void TrimTo_sevenItems_removesOnlyItemsOutsideTheRules()
    {
        var builder = new BasketBuilder();
        var random = new Random(3);
        var basket = new List<int>();
        for (var i = 0; i < 2_000; i++)
        {
            builder.Build(BasketBuilder.MaxItems, random, basket);
            var ruleItems = basket.Where(builder.IsRuleItem).ToList();
            builder.TrimTo(BasketBuilder.MaxItems - 1, random, basket);
            Assert.True(basket.Count <= BasketBuilder.MaxItems - 1);
            Assert.All(ruleItems, item => Assert.Contains(item, basket));
        }
    }
}
