using RetailInsights.Web.Dashboards.Quality;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>The per-load CSV: one row per load, a column per reason and per kind's column, numbers a spreadsheet reads.</summary>
[Trait("Tier", "unit")]
public sealed class QualityCsvTests
{
    private static LoadQuality Load(long id, string kind, string file, long read, long accepted, long rejected,
        Dictionary<string, long> reasons, Dictionary<string, double> completeness) =>
        new(id, file, kind, rejected * 2 > read ? "failed" : "loaded", "default", new DateTime(2026, 12, 1, 9, 30, 0), read,
            rejected * 2 > read ? 0 : accepted, rejected, 0, reasons, completeness);

    [Fact]
    public void Loads_writesEveryLoadWithItsReasonsAndColumns_emptyWhereItsKindHasNone()
    {
        var csv = QualityCsv.Loads(
        [
            Load(7, "transactions", "=cmd|' /C calc'!A0.csv", 4, 3, 1, new() { ["bad_quantity"] = 1 }, new() { ["Customer ID"] = 0.5 }),
            Load(8, "refunds", "r, 1.csv", 2, 2, 0, new(), new() { ["Customer ID"] = 1 }),
        ]);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Upload,File,Kind,Status,Source,UploadedAtUtc,RowsRead,RowsAccepted,RowsDuplicate,RowsRejected,AcceptedShare,"
            + "Rejected:bad_quantity,Complete:refunds:Customer ID,Complete:transactions:Customer ID", lines[0]);
        // A file name that a spreadsheet would run as a formula is written as text.
        Assert.Equal("7,'=cmd|' /C calc'!A0.csv,transactions,loaded,default,2026-12-01 09:30:00,4,3,0,1,0.75,1,,0.5", lines[1]);
        Assert.Equal("8,\"r, 1.csv\",refunds,loaded,default,2026-12-01 09:30:00,2,2,0,0,1,0,1,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Loads_ofNoLoads_isTheHeaderAlone()
    {
        Assert.Equal("Upload,File,Kind,Status,Source,UploadedAtUtc,RowsRead,RowsAccepted,RowsDuplicate,RowsRejected,AcceptedShare\r\n",
            QualityCsv.Loads([]));
    }
}
