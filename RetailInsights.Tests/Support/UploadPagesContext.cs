using Bunit;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MudBlazor.Services;
using RetailInsights.Web.Data;
using RetailInsights.Web.Infrastructure;
using RetailInsights.Web.Ingestion;
using RetailInsights.Web.Sources;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Support;

/// <summary>The upload pages in bUnit, on the real intake, a real database and Hangfire's real storage (no server: jobs wait).</summary>
public abstract class UploadPagesContext : BunitContext, IAsyncLifetime
{
    protected PipelineFixture Pipeline { get; } = new();

    protected abstract (string User, string Role, string[] Policies) SignedIn { get; }

    public async Task InitializeAsync()
    {
        // The pages' grids load from the database after their first render; on a shared 2-core machine that can take
        // longer than bUnit's one second, so the waits for what the page shows are patient (they still fail when it never does).
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        await Pipeline.InitializeAsync();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Pipeline.Configuration());
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Pipeline.Folder, EnvironmentName = "Testing" });
        Services.AddLogging();
        Services.AddRetailInsightsData();
        Services.AddIngestion();
        Services.AddSources();
        // Pages hear of changes through it; a test that needs them starts it (see StartListening).
        Services.AddSingleton<DataChanges>();
        Services.AddHangfire((provider, c) => c.UseHostBoundLogging(provider).UsePostgreSqlStorage(o => o.UseNpgsqlConnection(Pipeline.Database.ConnectionString),
            new PostgreSqlStorageOptions { SchemaName = HangfireRegistration.Schema, PrepareSchemaIfNecessary = true }));
        AddServices(Services);
        var (user, role, policies) = SignedIn;
        var authorization = AddAuthorization();
        authorization.SetAuthorized(user);
        authorization.SetRoles(role);
        authorization.SetPolicies(policies);
        // The pages say whether their circuit is live; under bUnit it is, as in a browser after the prerender.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>What a test's components need besides the upload pipeline (added before anything is rendered).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
