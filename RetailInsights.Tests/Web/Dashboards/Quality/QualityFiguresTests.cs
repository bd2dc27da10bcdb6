using RetailInsights.Web.Components.Layout;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Dashboards.Quality;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>The pure parts of the data-quality page and the banner: shares, days behind, how long ago, shortened errors.</summary>
[Trait("Tier", "unit")]
public sealed class QualityFiguresTests
{
    private static LoadQuality Load(long read, long accepted, long duplicate) =>
        new(1, "f.csv", "transactions", "loaded", "default", DateTime.UtcNow, read, accepted, read - accepted - duplicate, duplicate,
            new Dictionary<string, long>(), new Dictionary<string, double>());

    [Fact]
    public void AcceptedShare_countsDuplicatesAsTakenIn_andIsUnknownWithoutRows()
    {
        Assert.Equal(0.75, Load(8, 4, 2).AcceptedShare!.Value, 12);
        Assert.Null(Load(0, 0, 0).AcceptedShare);
        Assert.Equal(0.5, new UploadTotals(2, 1, 1, 10, 5, 5, 0).AcceptedShare!.Value, 12);
        Assert.Null(UploadTotals.None.AcceptedShare);
    }

    [Fact]
    public void DaysBehind_countsWholeDaysToToday_andIsUnknownWithoutSales()
    {
        var today = new DateOnly(2026, 12, 1);
        var source = new SourceFreshness("default", new DateOnly(2026, 11, 28), null, null, null, null, null, null);

        Assert.Equal(3, source.DaysBehind(today));
        Assert.Null((source with { LatestSaleDay = null }).DaysBehind(today));
    }

    [Theory]
    [InlineData(1.0, "100.0 %")]
    [InlineData(75_948.0 / 75_955, "99.9 %")]
    [InlineData(0.9994, "99.9 %")]
    [InlineData(0.29, "29.0 %")]
    public void ShareFormat_neverReadsAllForAShareShortOfAll(double share, string expected) =>
        Assert.Equal(expected, QualityShare.Format(share));

    [Theory]
    [InlineData(0.2, "just now")]
    [InlineData(42, "42 s ago")]
    [InlineData(3 * 60 + 5, "3 min ago")]
    [InlineData(5 * 3600 + 59 * 60, "5 h ago")]
    [InlineData(3 * 86400 + 7, "3 days ago")]
    public void Ago_saysHowLongAgoInTheLargestWholeUnit(double seconds, string expected)
    {
        var now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, SourceFreshnessTable.Ago(now.AddSeconds(-seconds), now));
    }

    [Fact]
    public void Shorten_keepsShortErrors_andCutsLongOnesAtTwoHundredCharacters()
    {
        Assert.Equal("", LatestUploadBanner.Shorten(null));
        Assert.Equal("Too many rejected rows", LatestUploadBanner.Shorten("Too many rejected rows"));
        var shortened = LatestUploadBanner.Shorten(new string('x', 500));
        Assert.Equal(201, shortened.Length);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void LikeEscaped_makesTypedWildcardsMatchThemselves()
    {
        Assert.Equal("100\\%\\_done\\\\", UploadQueries.LikeEscaped("100%_done\\"));
        Assert.Equal("plain.csv", UploadQueries.LikeEscaped("plain.csv"));
    }
}
