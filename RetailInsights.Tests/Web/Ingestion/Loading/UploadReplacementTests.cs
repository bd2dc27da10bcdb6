using RetailInsights.Tests.Support;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;
using RetailInsights.Web.Ingestion.Loading;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Ingestion.Loading;

/// <summary>
/// A corrected file replaces a loaded upload exactly: the facts become what loading the corrected file in the first place
/// gives, the summaries stay equal to a rebuild, both uploads stay in the history, a file of another day waits for a
/// confirmation, and a replacement that fails half-way leaves the old rows in place.
/// </summary>
[Trait("Tier", "database")]
public sealed class UploadReplacementTests : IAsyncLifetime
{
    private const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
    private readonly PipelineFixture _pipeline = new();
    private readonly PipelineFixture _reference = new();

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        await _reference.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _reference.DisposeAsync();
    }

    /// <summary>Store S1's day as its till first sent it: one line it later corrects, one it later drops.</summary>
    private const string Original = Header +
        "700001,SOAP,Soap,2,2025-07-01 09:00:00,1.50,K1,Indonesia,S1\n" +
        "700001,TOWEL,Towel,1,2025-07-01 09:00:00,4.00,K1,Indonesia,S1\n" +
        "700002,SOAP,Soap,5,2025-07-01 10:30:00,1.50,K2,Indonesia,S1\n" +
        "700003,BRUSH,Brush,1,2025-07-01 11:00:00,2.00,K3,Indonesia,S1\n" +
        "C700002,SOAP,Soap,-1,2025-07-01 12:00:00,1.50,K2,Indonesia,S1\n";

    /// <summary>The corrected day: 700002 sold 3, not 5; 700003 never happened; 700004 was missing; the return stays.</summary>
    private const string Corrected = Header +
        "700001,SOAP,Soap,2,2025-07-01 09:00:00,1.50,K1,Indonesia,S1\n" +
        "700001,TOWEL,Towel,1,2025-07-01 09:00:00,4.00,K1,Indonesia,S1\n" +
        "700002,SOAP,Soap,3,2025-07-01 10:30:00,1.50,K2,Indonesia,S1\n" +
        "700004,TOWEL,Towel,2,2025-07-01 15:00:00,4.00,K4,Indonesia,S1\n" +
        "C700002,SOAP,Soap,-1,2025-07-01 12:00:00,1.50,K2,Indonesia,S1\n";

    /// <summary>Other files of the same day and store, and of another store, that the replacement must leave alone.</summary>
    private const string Neighbours = Header +
        "700001,BRUSH,Brush,1,2025-07-01 09:00:00,2.00,K1,Indonesia,S1\n" +
        "800001,SOAP,Soap,4,2025-07-01 09:15:00,1.50,K1,Indonesia,S2\n" +
        "800002,TOWEL,Towel,1,2025-07-02 09:15:00,4.00,K5,Indonesia,S1\n";

    private const string Facts = """
        SELECT coalesce(string_agg(concat_ws(' ', f.invoice, p.stock_code, f.date_key, s.store_code, f.quantity, f.unit_price,
                   f.line_amount, f.invoiced_at, c.customer_code), E'\n' ORDER BY 1), '')
        FROM fact_sales f JOIN dim_product p USING (product_id) JOIN dim_store s USING (store_id)
        LEFT JOIN dim_customer c USING (customer_id)
        """;

    private const string Refunds = """
        SELECT coalesce(string_agg(concat_ws(' ', r.original_invoice, p.stock_code, r.date_key, r.quantity, r.amount), E'\n' ORDER BY 1), '')
        FROM refunds r JOIN dim_product p USING (product_id)
        """;

    private static long UploadOf((int Exit, List<System.Text.Json.JsonElement> Lines, string Output) import) =>
        import.Lines.Single().GetProperty("upload").GetInt64();

    private async Task<Dictionary<string, string>> SummariesAsync()
    {
        var tables = new Dictionary<string, string>();
        foreach (var table in SummaryTables.All)
            tables[table] = await _pipeline.Database.ScalarAsync<string>(
                $"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM {table} t");
        return tables;
    }

    [Fact]
    public async Task ACorrectedFile_replacesItsDayExactly_andBothUploadsStayInTheHistory()
    {
        await _pipeline.ImportAsync(_pipeline.Write("neighbours.csv", Neighbours));
        var original = UploadOf(await _pipeline.ImportAsync(_pipeline.Write("s1-0701.csv", Original)));
        var replace = await _pipeline.ImportAsync(_pipeline.Write("s1-0701-corrected.csv", Corrected), "--replaces", original.ToString());
        var incremental = await SummariesAsync();
        await CommandLine.RunAsync(["rebuild-aggregates"], TextWriter.Null, TextWriter.Null, _pipeline.Configuration());
        var rebuilt = await SummariesAsync();
        await _reference.ImportAsync(_reference.Write("neighbours.csv", Neighbours));
        await _reference.ImportAsync(_reference.Write("s1-0701-corrected.csv", Corrected));

        Assert.Equal((0, "loaded"), (replace.Exit, replace.Lines.Single().GetProperty("status").GetString()));
        Assert.Equal(await _reference.Database.ScalarAsync<string>(Facts), await _pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal(await _reference.Database.ScalarAsync<string>(Refunds), await _pipeline.Database.ScalarAsync<string>(Refunds));
        Assert.Contains("700004", await _pipeline.Database.ScalarAsync<string>(Facts));
        Assert.DoesNotContain("700003", await _pipeline.Database.ScalarAsync<string>(Facts));
        Assert.All(SummaryTables.All, table => Assert.True(incremental[table] == rebuilt[table],
            $"{table} after the replacement:\n{incremental[table]}\n\nrebuilt from the facts:\n{rebuilt[table]}"));
        var corrected = UploadOf(replace);
        Assert.Equal("replaced", await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {original}"));
        Assert.Equal(original, await _pipeline.Database.ScalarAsync<long>($"SELECT replaces_upload_id FROM uploads WHERE upload_id = {corrected}"));
        Assert.StartsWith("import command", await _pipeline.Database.ScalarAsync<string>($"SELECT uploaded_by FROM uploads WHERE upload_id = {corrected}"));
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM fact_sales WHERE upload_id = {original}"));
        // The corrected file's lines that the old file also had are its own rows now, not duplicates of rows that left.
        Assert.Equal(0L, replace.Lines.Single().GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public async Task AFileOfAnotherDay_waitsForConfirmation_andThenReplaces()
    {
        var original = UploadOf(await _pipeline.ImportAsync(_pipeline.Write("s1-0701.csv", Original)));
        var otherDay = Corrected.Replace("2025-07-01", "2025-07-03", StringComparison.Ordinal);
        var before = await _pipeline.Database.ScalarAsync<string>(Facts);

        var unconfirmed = await _pipeline.ImportAsync(_pipeline.Write("s1-0703.csv", otherDay), "--replaces", original.ToString());
        var afterRefusal = await _pipeline.Database.ScalarAsync<string>(Facts);
        var statusAfterRefusal = await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {original}");
        var confirmed = await _pipeline.ImportAsync(_pipeline.Write("s1-0703-again.csv", otherDay), "--replaces", original.ToString(), "--confirm");

        var refusal = unconfirmed.Lines.Single();
        Assert.Equal((1, "refused"), (unconfirmed.Exit, refusal.GetProperty("status").GetString()));
        Assert.StartsWith(UploadReplacement.NeedsConfirmation, refusal.GetProperty("message").GetString());
        Assert.Contains("2025-07-03", refusal.GetProperty("message").GetString());
        Assert.Contains("2025-07-01", refusal.GetProperty("message").GetString());
        Assert.Equal(before, afterRefusal);
        Assert.Equal("loaded", statusAfterRefusal);
        Assert.Equal("loaded", confirmed.Lines.Single().GetProperty("status").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales WHERE date_key = 20250701"));
        Assert.Equal(4L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales WHERE date_key = 20250703"));
    }

    [Fact]
    public async Task AReplacementThatFailsHalfway_leavesTheOldRowsAndSummaries()
    {
        var original = UploadOf(await _pipeline.ImportAsync(_pipeline.Write("s1-0701.csv", Original)));
        var facts = await _pipeline.Database.ScalarAsync<string>(Facts);
        var summaries = await SummariesAsync();
        // A real failure inside the replacing transaction, after the old rows were deleted: the insert of a new line breaks.
        await _pipeline.Database.ExecuteAsync("""
            CREATE FUNCTION fail_on_700004() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.invoice = '700004' THEN RAISE EXCEPTION 'the disk is full (simulated)'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_on_700004 BEFORE INSERT ON fact_sales FOR EACH ROW EXECUTE FUNCTION fail_on_700004();
            """);

        var failed = await _pipeline.ImportAsync(_pipeline.Write("s1-0701-corrected.csv", Corrected), "--replaces", original.ToString());

        Assert.Equal("failed", failed.Lines.Single().GetProperty("status").GetString());
        Assert.Contains("simulated", failed.Lines.Single().GetProperty("message").GetString());
        Assert.Equal(facts, await _pipeline.Database.ScalarAsync<string>(Facts));
        Assert.Equal(summaries, await SummariesAsync());
        Assert.Equal("loaded", await _pipeline.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE upload_id = {original}"));
    }

    [Fact]
    public async Task AnUploadThatIsNotLoaded_cannotBeReplaced()
    {
        var refused = UploadOf(await _pipeline.ImportAsync(_pipeline.Write("broken.csv", "not,a,known,header\n1,2,3,4\n")));

        var replace = await _pipeline.ImportAsync(_pipeline.Write("s1-0701.csv", Original), "--replaces", refused.ToString());

        Assert.Equal("refused", replace.Lines.Single().GetProperty("status").GetString());
        Assert.Contains($"Upload #{refused}", replace.Lines.Single().GetProperty("message").GetString());
        Assert.Equal(0L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM fact_sales"));
    }
}
