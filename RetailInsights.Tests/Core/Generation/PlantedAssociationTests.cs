using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

[Trait("Tier", "unit")]
public sealed class PlantedAssociationTests(ThirtyDayDataSet data) : IClassFixture<ThirtyDayDataSet>
{
    public static TheoryData<string, string> Rules()
    {
        var rules = new TheoryData<string, string>();
        foreach (var association in DemoCatalog.PlantedAssociations)
            rules.Add(association.Antecedent, association.Consequent);
        return rules;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void PlantedRule_measuredOverSaleBaskets_hasItsConfidenceWithin3Points_andLiftAboveOne(string antecedent, string consequent)
    {
        // Baskets as the miner builds them: sale invoices, goods only, positive quantity and price.
        var baskets = data.SaleLines
            .Where(t => t.Quantity > 0 && t.Price > 0 && !NonProductCodes.IsNonProduct(t.StockCode))
            .GroupBy(t => t.Invoice)
            .Select(g => g.Select(t => t.StockCode).ToHashSet())
            .ToList();
        var planted = DemoCatalog.PlantedAssociations.Single(a => a.Antecedent == antecedent && a.Consequent == consequent);

        var withAntecedent = baskets.Where(b => b.Contains(antecedent)).ToList();
        Assert.True(withAntecedent.Count > 500, $"{withAntecedent.Count} baskets with {antecedent}");
        var confidence = withAntecedent.Count(b => b.Contains(consequent)) / (double)withAntecedent.Count;
        var consequentSupport = baskets.Count(b => b.Contains(consequent)) / (double)baskets.Count;
        var lift = confidence / consequentSupport;

        Assert.InRange(confidence, planted.Probability - 0.03, planted.Probability + 0.03);
        Assert.True(lift > 1.5, $"lift {lift:F2}");
        var withoutAntecedent = baskets.Where(b => !b.Contains(antecedent)).ToList();
        var elsewhere = withoutAntecedent.Count(b => b.Contains(consequent)) / (double)withoutAntecedent.Count;
        Assert.InRange(elsewhere, 0.01, planted.Probability / 2);
    }
}
