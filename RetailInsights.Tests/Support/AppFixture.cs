namespace RetailInsights.Tests.Support;

/// <summary>One running app on one migrated database, shared by the tests of a class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        App = new AppFactory(Database);
        // Start the host now: it applies migrations and creates the roles before any test signs in.
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
