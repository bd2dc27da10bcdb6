using RetailInsights.Web.Dashboards.Stores;

namespace RetailInsights.Tests.Web.Dashboards.Stores;

[Trait("Tier", "unit")]
public sealed class ChartTableTests
{
    private static readonly ChartTable Table = new(["Store", "Day", "Gross", "Transactions", "Share"],
        [["=HYPERLINK(\"x\")", new DateOnly(2026, 11, 3), 1234567.500m, 1200L, null], ["Mart, \"Renon\"", new DateOnly(2026, 11, 4), -5m, 3, 0.25]]);

    [Fact]
    public void ToCsv_numbersPlainAndInvariant_textQuotedAndGuardedAgainstFormulas()
    {
        var lines = Table.ToCsv().Split("\r\n");

        Assert.Equal("Store,Day,Gross,Transactions,Share", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",2026-11-03,1234567.5,1200,", lines[1]);
        Assert.Equal("\"Mart, \"\"Renon\"\"\",2026-11-04,-5,3,0.25", lines[2]);
    }

    [Fact]
    public void Shown_formatsAsThePageDoes()
    {
        Assert.Equal("1,234,567.50", ChartTable.Shown(1234567.5m));
        Assert.Equal("1,200", ChartTable.Shown(1200L));
        Assert.Equal("2026-11-03", ChartTable.Shown(new DateOnly(2026, 11, 3)));
        Assert.Equal("—", ChartTable.Shown(null));
        Assert.True(ChartTable.IsNumber(3));
        Assert.False(ChartTable.IsNumber("3"));
    }

    [Fact]
    public void DataUri_decodesToTheCsvWithAByteOrderMark()
    {
        const string prefix = "data:text/csv;charset=utf-8,";
        Assert.StartsWith(prefix, Table.DataUri);
        Assert.Equal("\uFEFF" + Table.ToCsv(), Uri.UnescapeDataString(Table.DataUri[prefix.Length..]));
    }
}
