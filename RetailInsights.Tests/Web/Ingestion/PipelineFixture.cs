using Microsoft.Extensions.Configuration;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>A migrated database of its own and a folder of real files, loaded with the real import command.</summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ri-pipe-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        Directory.CreateDirectory(Folder);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public IConfiguration Configuration(params (string Key, string Value)[] extra) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = Database.ConnectionString,
            ["Ingestion:StagingPath"] = Path.Combine(Folder, "staging"),
        })
        .AddInMemoryCollection(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
        .Build();

    public async Task<(int Exit, List<System.Text.Json.JsonElement> Lines, string Output)> ImportAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["import", .. args], output, error, Configuration());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (exit, lines, output + error.ToString());
    }
}
