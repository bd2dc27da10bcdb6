using Bunit;
using MudBlazor.Services;
using RetailInsights.Core.Segmentation;
using RetailInsights.Web.Dashboards.Segments;

namespace RetailInsights.Tests.Web.Dashboards.Segments;

/// <summary>The tables beside the Segments page's charts show the charts' figures, cell by cell and k by k.</summary>
[Trait("Tier", "unit")]
public sealed class SegmentTablesTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private static GridCell Cell(int r, int fm, int customers) => new(r, fm, RfmSegmentRules.For(r, fm).Name, customers, customers * 10m);

    [Fact]
    public void SegmentGridTable_showsEveryCellWithItsCustomers_rowsFromRFiveDown_andZeroWhereTheRunHadNone()
    {
        var table = Render<SegmentGridTable>(p => p.Add(t => t.Cells, [Cell(5, 5, 184), Cell(1, 2, 148), Cell(3, 1, 22)]));

        Assert.Equal(["5", "4", "3", "2", "1"], table.FindAll("#segment-grid-table tbody tr").Select(r => r.GetAttribute("data-r")));
        string Shown(int r, int fm) => table.Find($"#segment-grid-table tr[data-r='{r}'] td[data-fm='{fm}']").GetAttribute("data-customers")!;
        Assert.Equal("184", Shown(5, 5));
        Assert.Equal("148", Shown(1, 2));
        Assert.Equal("22", Shown(3, 1));
        Assert.Equal("0", Shown(2, 4));
        Assert.Equal(25, table.FindAll("#segment-grid-table td[data-fm]").Count);
        Assert.Equal("Champions", table.Find("#segment-grid-table tr[data-r='5'] td[data-fm='5']").GetAttribute("title"));
    }

    [Fact]
    public void KChoiceTable_marksTheChosenK_only()
    {
        var table = Render<KChoiceTable>(p => p
            .Add(t => t.Choices, [new KChoice(2, 2415.7, 0.446, 0, 0.6), new KChoice(3, 1741.1, 0.405, 0.248, 0.684), new KChoice(4, 1329.5, 0.397, 0.351, 0.765)])
            .Add(t => t.ChosenK, 4));

        var rows = table.FindAll("#k-choices-table tr[data-k]");
        Assert.Equal(["2", "3", "4"], rows.Select(r => r.GetAttribute("data-k")));
        Assert.Equal(["4 (chosen)"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).Where(t => t.Contains("chosen", StringComparison.Ordinal)));
        Assert.Equal("1,329.5", rows[2].QuerySelectorAll("td")[2].TextContent.Trim());
    }
}
