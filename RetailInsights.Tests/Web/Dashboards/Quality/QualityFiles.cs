using System.Globalization;
using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Tests.Web.Dashboards;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Dashboards.Quality;

/// <summary>
/// What a data-quality page has to show besides clean demo files, brought in through the real import command on the
/// browser collection's database, once: a second source system ("pos-b") three days behind whose file has a few bad
/// lines and customers missing, a file the reader refuses, and a file that fails for too many rejected lines. The
/// latest of them loads, so no other page sees a failed-upload banner; no line of the failed or refused files is loaded.
/// </summary>
public static class QualityFiles
{
    public const string SecondSource = "pos-b";
    public const string RefusedFile = "pos-b-export.csv";
    public const string FailedFile = "transactions_broken.csv";
    public const string PartlyBadFile = "pos-b_sales.csv";

    private static readonly SemaphoreSlim Loaded = new(1, 1);
    private static bool _loaded;

    public static async Task EnsureLoadedAsync(BrowserAppFixture fixture)
    {
        await DashboardBrowserTests.EnsureDemoDataAsync(fixture);
        await Loaded.WaitAsync();
        try
        {
            if (_loaded)
                return;
            var latest = await fixture.Database.ScalarAsync<int>("SELECT max(date_key) FROM fact_sales");
            var day = DateOnly.ParseExact(latest.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(-3);
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            const string header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId\n";
            // One at a time, in this order: the partly bad file is the latest upload.
            await ImportAsync(fixture, RefusedFile, "Till,Amount\n1,2\n", SecondSource);
            await ImportAsync(fixture, FailedFile, header +
                $"QB-1,PRC-003,Sunsilk Shampoo 170 ml,many,{date} 09:00:00,24000,,Indonesia,BDG-01\n" +
                $"QB-2,,Spons Cuci Piring Scotch-Brite,1,{date} 09:01:00,5500,,Indonesia,BDG-01\n" +
                $"QB-3,PRC-003,Sunsilk Shampoo 170 ml,1,yesterday,24000,,Indonesia,BDG-01\n" +
                $"QB-4,PRC-003,Sunsilk Shampoo 170 ml,1,{date} 09:03:00,24000,,Indonesia,BDG-01\n", "default");
            await ImportAsync(fixture, PartlyBadFile, header +
                $"PB-1,PRC-003,Sunsilk Shampoo 170 ml,1,{date} 10:00:00,24000,10954,Indonesia,BDG-01\n" +
                $"PB-1,HHLD-002,Spons Cuci Piring Scotch-Brite,2,{date} 10:00:00,5500,10954,Indonesia,BDG-01\n" +
                $"PB-2,PRC-003,Sunsilk Shampoo 170 ml,3,{date} 11:00:00,24000,,Indonesia,BDG-01\n" +
                $"PB-3,HHLD-002,Spons Cuci Piring Scotch-Brite,1,{date} 12:00:00,5500,,Indonesia,BDG-01\n" +
                $"PB-4,PRC-003,Sunsilk Shampoo 170 ml,2,{date} 13:00:00,24000,10034,Indonesia,BDG-01\n" +
                $"PB-5,HHLD-002,Spons Cuci Piring Scotch-Brite,1,{date} 14:00:00,5500,,Indonesia,BDG-01\n" +
                $"PB-6,PRC-003,Sunsilk Shampoo 170 ml,1,{date} 15:00:00,24000,10034,Indonesia,BDG-01\n" +
                $"PB-7,PRC-003,Sunsilk Shampoo 170 ml,lots,{date} 16:00:00,24000,,Indonesia,BDG-01\n" +
                $"PB-8,,Spons Cuci Piring Scotch-Brite,1,{date} 16:30:00,5500,,Indonesia,BDG-01\n" +
                $"PB-9,PRC-003,Sunsilk Shampoo 170 ml,1,someday,24000,,Indonesia,BDG-01\n", SecondSource);
            Assert.Equal("refused", await StatusAsync(fixture, RefusedFile));
            Assert.Equal("failed", await StatusAsync(fixture, FailedFile));
            Assert.Equal("loaded", await StatusAsync(fixture, PartlyBadFile));
            _loaded = true;
        }
        finally
        {
            Loaded.Release();
        }
    }

    public static Task<string> StatusAsync(BrowserAppFixture fixture, string file) =>
        fixture.Database.ScalarAsync<string>($"SELECT status FROM uploads WHERE file_name = '{file}' ORDER BY upload_id DESC LIMIT 1");

    /// <summary>One file through the real import command (as a store system's nightly export would arrive).</summary>
    public static async Task ImportAsync(BrowserAppFixture fixture, string name, string content, string source)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ri-quality-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, content);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:RetailInsights"] = fixture.Database.ConnectionString,
                ["Ingestion:StagingPath"] = Path.Combine(folder, "staging"),
            }).Build();
            var output = new StringWriter();
            await CommandLine.RunAsync(["import", path, "--retailer", source], output, output, configuration);
            Assert.Contains(name, output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A store-locations file of the stores exactly as the warehouse has them: it loads and changes nothing.</summary>
    public static async Task<string> StoresAsTheyAreAsync(BrowserAppFixture fixture)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT store_code, coalesce(name, ''), city, region, coalesce(size_sq_ft::text, '') FROM dim_store WHERE city IS NOT NULL AND region IS NOT NULL ORDER BY store_code");
        await using var reader = await command.ExecuteReaderAsync();
        var csv = new System.Text.StringBuilder("StoreId,StoreName,City,Region,SizeSqFt\n");
        while (await reader.ReadAsync())
            csv.AppendJoin(',', Enumerable.Range(0, 5).Select(i => $"\"{reader.GetString(i).Replace("\"", "\"\"", StringComparison.Ordinal)}\"")).Append('\n');
        return csv.ToString();
    }
}
