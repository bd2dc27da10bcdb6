using Bunit;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MudBlazor.Services;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Admin.Security;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>The upload page in bUnit, on the real intake, a real database and Hangfire's real storage.</summary>
public sealed class UploadsPageTests : BunitContext, IAsyncLifetime
{
    private readonly PipelineFixture _pipeline = new();

    public async Task InitializeAsync()
    {
        await _pipeline.InitializeAsync();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(_pipeline.Configuration());
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _pipeline.Folder, EnvironmentName = "Testing" });
        Services.AddLogging();
        Services.AddRetailInsightsData();
        Services.AddIngestion();
        Services.AddHangfire((provider, c) => c.UseHostBoundLogging(provider).UsePostgreSqlStorage(o => o.UseNpgsqlConnection(_pipeline.Database.ConnectionString),
            new PostgreSqlStorageOptions { SchemaName = HangfireRegistration.Schema, PrepareSchemaIfNecessary = true }));
        var authorization = AddAuthorization();
        authorization.SetAuthorized("manager@test.local");
        authorization.SetRoles(Roles.Manager);
        authorization.SetPolicies(Policies.ManageUploads);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _pipeline.DisposeAsync();
    }

    [Fact]
    public async Task ChoosingAFile_streamsItToStaging_queuesItsJob_andListsIt()
    {
        var page = Render<UploadsPage>();
        page.WaitForAssertion(() => Assert.Contains("No files loaded yet", page.Markup));

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("Invoice,StockCode,Quantity,InvoiceDate,Price\n1,A,1,2025-07-01,2\n", "till-1.csv"));

        page.WaitForAssertion(() => Assert.Contains("Queued as upload #1", page.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("till-1.csv", page.Find("#uploads-table").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("queued", await _pipeline.Database.ScalarAsync<string>("SELECT status FROM uploads WHERE upload_id = 1"));
        Assert.True(File.Exists(await _pipeline.Database.ScalarAsync<string>("SELECT staged_path FROM uploads WHERE upload_id = 1")));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ImportUploadJob%'"));
        Assert.Equal(1L, await _pipeline.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'upload' AND actor = 'manager@test.local'"));
    }
}
