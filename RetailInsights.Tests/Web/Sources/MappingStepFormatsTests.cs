using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Components;
using RetailInsights.Web.Ingestion.SourceMappings;
using RetailInsights.Web.Security;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;

namespace RetailInsights.Tests.Web.Sources;

/// <summary>
/// JSON and Excel files whose names map to nothing, brought for a source on the upload page (bUnit on the real intake,
/// database and loader): the mapping step shows their own columns and first 20 records, checks the sample as the load
/// would, and the mapping saved there loads the file's facts.
/// </summary>
[Trait("Tier", "database")]
public sealed class MappingStepFormatsTests : UploadPagesContext
{
    private const string Facts = """
        SELECT string_agg(concat_ws('|', f.invoice, p.stock_code, f.quantity, f.unit_price, f.invoiced_at, s.store_code), ',' ORDER BY f.invoice, p.stock_code)
        FROM fact_sales f JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
        """;

    private static readonly string[] Keys = ["bon", "artikel", "menge", "verkauft_am", "preis", "filiale"];

    protected override (string User, string Role, string[] Policies) SignedIn => ("manager@test.local", Roles.Manager, [Policies.ManageUploads]);

    private sealed record Sale(string Invoice, string Code, int Quantity, DateTime At, decimal Price, string Store);

    private static readonly Sale[] Sales = Enumerable.Range(1, 25)
        .Select(i => new Sale($"B{i:00}", $"A{i % 4}", 1 + i % 3, new DateTime(2025, 7, 1 + i % 5, 10, i, 0), 1.25m + i % 2, "DE-01")).ToArray();

    private static string Expected(IEnumerable<Sale> sales) => string.Join(",", sales.OrderBy(s => s.Invoice, StringComparer.Ordinal).ThenBy(s => s.Code)
        .Select(s => string.Join('|', s.Invoice, s.Code, s.Quantity, s.Price.ToString("0.000", CultureInfo.InvariantCulture),
            s.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), s.Store)));

    // Uploads the file for a source on the Uploads page and waits for the step it leads to (a workbook of several sheets
    // asks for its sheet first).
    private async Task<IRenderedComponent<UploadsPage>> UploadForSourceAsync(InputFileContent file, string step = "#mapping-step")
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SourceCatalog>().SaveAsync("kasse", new SourceChange { Kinds = ["transactions"] }, "test",
                CancellationToken.None);
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("id", out var id) && (string?)id == "upload-source");
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync("kasse"));
        page.FindComponent<InputFile>().UploadFiles(file);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(step)), TimeSpan.FromSeconds(15));
        return page;
    }

    // Every field set by hand, the guesses cleared first, so no header stands for two fields.
    private static async Task MapAsync(IRenderedComponent<UploadsPage> page)
    {
        foreach (var field in page.FindAll(".mapping-fields select").Select(s => s.Id!).Where(id => id is not ("map-date-order" or "map-decimal")).ToList())
            await page.ChangeNowAsync("#" + field, "-1");
        string[] fields = ["invoice", "stockcode", "quantity", "invoicedate", "price", "storeid"];
        for (var i = 0; i < fields.Length; i++)
            await page.ChangeNowAsync("#map-" + fields[i], i.ToString(CultureInfo.InvariantCulture));
    }

    private async Task SaveAndLoadAsync(IRenderedComponent<UploadsPage> page)
    {
        await page.ClickNowAsync("#save-mapping");
        page.WaitForAssertion(() => Assert.Contains("mapping version 2, saved now", page.Markup), TimeSpan.FromSeconds(15));
        var id = await Pipeline.Database.ScalarAsync<long>("SELECT upload_id FROM uploads WHERE status = 'queued'");
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportUploadJob>().LoadAsync(id, CancellationToken.None);
    }

    [Fact]
    public async Task JsonArrayOfUnmappableKeys_showsItsKeysAndFirst20Records_andTheSavedMappingLoadsItsFacts()
    {
        var records = Sales.Select(s => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["bon"] = s.Invoice, ["artikel"] = s.Code, ["menge"] = s.Quantity, ["verkauft_am"] = s.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["preis"] = s.Price, ["filiale"] = s.Store,
        })).ToList();
        // The seventh sale's item is an object: the load rejects it, so the sample check must too.
        records[6] = records[6].Replace("\"artikel\":\"A3\"", "\"artikel\":{\"code\":\"A3\"}");
        var page = await UploadForSourceAsync(InputFileContent.CreateFromText("[\n" + string.Join(",\n", records) + "\n]", "kasse.json"));

        Assert.Equal(["Record", .. Keys], page.FindAll("#mapping-sample thead th").Select(th => th.TextContent));
        Assert.Equal(20, page.FindAll("#mapping-sample tbody tr").Count);
        Assert.Equal(["1", "B01", "A1", "2", "2025-07-02 10:01", "2.25", "DE-01"],
            page.FindAll("#mapping-sample tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent));
        await MapAsync(page);
        page.WaitForAssertion(() => Assert.Contains("Of the first 20 rows, 19 would load and 1 would be rejected.", page.Find("#mapping-summary").TextContent));
        Assert.Contains("nested_value", page.Find("#mapping-rejected").TextContent);

        await SaveAndLoadAsync(page);

        Assert.Equal(Expected(Sales.Where((_, i) => i != 6)), await Pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal("loaded|24|1", await Pipeline.Database.ScalarAsync<string>(
            "SELECT status || '|' || rows_accepted || '|' || rows_rejected FROM uploads"));
        Assert.Equal("nested_value", await Pipeline.Database.ScalarAsync<string>("SELECT reason_codes[1] FROM rejected_rows WHERE line_number = 7"));
    }

    [Fact]
    public async Task WorkbookOfUnmappableHeaders_showsItsHeaderAndFirst20Rows_andTheSavedMappingLoadsItsFacts()
    {
        // As a spreadsheet holds them: a date column whose cells lost their date style (bare serial numbers), some
        // quantities typed as text, a blank row, and the sheet's total at the bottom.
        var rows = new List<object?[]> { new object?[] { "Bon", "Artikel", "Menge", "Verkauft am", "Preis", "Filiale" } };
        foreach (var (s, i) in Sales.Select((s, i) => (s, i)))
        {
            if (i == 8)
                rows.Add(new object?[6]);
            rows.Add([s.Invoice, s.Code, i % 2 == 0 ? s.Quantity : new TextCell(s.Quantity.ToString(CultureInfo.InvariantCulture)), s.At.ToOADate(),
                (double)s.Price, s.Store]);
        }
        rows.Add(["Total", null, Sales.Sum(s => s.Quantity), null, null, null]);
        var path = Path.Combine(Pipeline.Folder, "kasse.xlsx");
        XlsxWriter.Write(path, ("Juli", rows));
        var page = await UploadForSourceAsync(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(path), "kasse.xlsx"));

        Assert.Contains("from sheet 'Juli'", page.Find("#mapping-step").TextContent);
        Assert.Equal(["Row", "Bon", "Artikel", "Menge", "Verkauft am", "Preis", "Filiale"], page.FindAll("#mapping-sample thead th").Select(th => th.TextContent));
        Assert.Equal(20, page.FindAll("#mapping-sample tbody tr").Count);
        Assert.Equal(["2", "B01", "A1", "2"], page.FindAll("#mapping-sample tbody tr")[0].QuerySelectorAll("td").Take(4).Select(td => td.TextContent));
        await MapAsync(page);
        // The serial numbers are dates to the load, so to the sample check too.
        page.WaitForAssertion(() => Assert.Contains("Of the first 20 rows, 20 would load and 0 would be rejected.", page.Find("#mapping-summary").TextContent));

        await SaveAndLoadAsync(page);

        Assert.Equal(Expected(Sales), await Pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal("loaded|25|1|Juli", await Pipeline.Database.ScalarAsync<string>(
            "SELECT status || '|' || rows_accepted || '|' || rows_rejected || '|' || excel_sheet FROM uploads"));
        Assert.Equal("total_row", await Pipeline.Database.ScalarAsync<string>("SELECT reason_codes[1] FROM rejected_rows"));
    }

    [Fact]
    public async Task SecondSheetOfAWorkbook_isChosen_thenMapped_andTheSavedMappingLoadsThatSheet()
    {
        object?[] header = ["Bon", "Artikel", "Menge", "Verkauft am", "Preis", "Filiale"];
        object?[] Row(Sale s) => [s.Invoice, s.Code, s.Quantity, s.At, (double)s.Price, s.Store];
        var path = Path.Combine(Pipeline.Folder, "zwei.xlsx");
        XlsxWriter.Write(path, ("Juni", [header, .. Sales.Take(3).Select(Row)]), ("Juli", [header, .. Sales.Skip(3).Take(4).Select(Row)]));
        var page = await UploadForSourceAsync(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(path), "zwei.xlsx"), "#sheet-step");

        await page.ChangeNowAsync("#sheet-choice", "Juli");
        await page.ClickNowAsync("#load-sheet");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#mapping-step")), TimeSpan.FromSeconds(15));
        Assert.Contains("from sheet 'Juli'", page.Find("#mapping-step").TextContent);
        Assert.Equal(4, page.FindAll("#mapping-sample tbody tr").Count);
        await MapAsync(page);
        await SaveAndLoadAsync(page);

        Assert.Equal(Expected(Sales.Skip(3).Take(4)), await Pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal("Juli|Juli|2", await Pipeline.Database.ScalarAsync<string>("SELECT requested_sheet || '|' || excel_sheet || '|' || mapping_version FROM uploads"));
    }
}
