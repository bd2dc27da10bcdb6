using System.Globalization;
using RetailInsights.Core.Domain;
using RetailInsights.Core.Generation;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Generation;

[Trait("Tier", "unit")]
public sealed class DemoCatalogTests(ThirtyDayDataSet data) : IClassFixture<ThirtyDayDataSet>
{
    [Fact]
    public void ProductCatalogFile_holdsAtLeast40ProductsInAtLeast6Categories()
    {
        var rows = GeneratedFiles.ReadCsv(Path.Combine(data.Directory, "product_catalog.csv")).Rows;
        Assert.True(rows.Count >= 40, $"{rows.Count} products");
        Assert.True(rows.Select(r => r[2]).Distinct().Count() >= 6);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, r => Assert.True(decimal.Parse(r[3], CultureInfo.InvariantCulture) > 0));

        var byCode = rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Contains("Indomie", byCode["IND-001"]);
        Assert.Contains("Telur", byCode["IND-002"]);
        Assert.Contains("Sunlight", byCode["HHLD-001"]);
        Assert.Contains("Spons", byCode["HHLD-002"]);
        Assert.Contains("Teh Botol", byCode["BEV-001"]);
        Assert.Contains("Aqua", byCode["BEV-002"]);
    }

    [Fact]
    public void ProductCatalogFile_leavesOutAdminFeeCodes_thatTheTransactionsUse()
    {
        var codes = GeneratedFiles.ReadCsv(Path.Combine(data.Directory, "product_catalog.csv")).Rows.Select(r => r[0]).ToHashSet();
        Assert.All(NonProductCodes.GeneratorAdminFees, fee => Assert.DoesNotContain(fee, codes));
        Assert.All(codes, code => Assert.False(NonProductCodes.IsNonProduct(code)));
        Assert.All(data.SaleLines.Where(t => !NonProductCodes.IsNonProduct(t.StockCode)), t => Assert.Contains(t.StockCode, codes));
    }

    [Fact]
    public void StoreLocationsFile_holdsAtLeast3StoresInDistinctCitiesAndRegions_withUnevenTraffic()
    {
        var rows = GeneratedFiles.ReadCsv(Path.Combine(data.Directory, "store_locations.csv")).Rows;
        Assert.True(rows.Count >= 3);
        Assert.Equal(rows.Count, rows.Select(r => r[2]).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r[3]).Distinct().Count());
        Assert.True(rows.Select(r => int.Parse(r[4], CultureInfo.InvariantCulture)).Distinct().Count() > 1);

        var invoicesPerStore = data.SaleLines.DistinctBy(t => t.Invoice).CountBy(t => t.StoreId).Select(p => p.Value).ToList();
        Assert.Equal(rows.Count, invoicesPerStore.Count);
        Assert.True(invoicesPerStore.Max() > 1.5 * invoicesPerStore.Min(), string.Join(",", invoicesPerStore));
    }

    [Fact]
    public void PlantedAssociations_referToCatalogProducts_andNoItemIsBothSides()
    {
        var codes = DemoCatalog.Products.Select(p => p.StockCode).ToHashSet();
        Assert.Equal(3, DemoCatalog.PlantedAssociations.Count);
        Assert.All(DemoCatalog.PlantedAssociations, a =>
        {
            Assert.Contains(a.Antecedent, codes);
            Assert.Contains(a.Consequent, codes);
            Assert.InRange(a.Probability, 0.01, 0.99);
        });
        var antecedents = DemoCatalog.PlantedAssociations.Select(a => a.Antecedent).ToHashSet();
        Assert.DoesNotContain(DemoCatalog.PlantedAssociations, a => antecedents.Contains(a.Consequent));
    }
}
