using System.Net;
using System.Net.Sockets;

namespace RetailInsights.Tests.Support;

/// <summary>
/// A cluster of its own started by scripts/pg.sh, in a private (0700) folder as a fresh `mktemp -d` checkout would be,
/// on a free port; destroyed afterwards.
/// </summary>
public sealed class PgScriptCluster : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ri-pg-script-");

    public int Port { get; } = FreePort();

    public Dictionary<string, string> Environment(int port) => new()
    {
        ["RI_PG_DATA"] = Path.Combine(_folder.FullName, "pg"),
        ["RI_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RI_PG_FAST"] = "1",
    };

    public Task<BashScript.Result> PgAsync(int port, params string[] args) => BashScript.RunAsync("scripts/pg.sh", Environment(port), args);

    /// <summary>The app's connection string to this cluster, as `pg.sh connection` prints it.</summary>
    public async Task<string> ConnectionStringAsync() => (await PgAsync(Port, "connection")).Output.Trim();

    /// <summary>Stops the server (fast: open connections are cut) and starts it again on the same port and data.</summary>
    public async Task RestartAsync()
    {
        foreach (var step in new[] { "stop", "start" })
            if (await PgAsync(Port, step) is { Exit: not 0 } failed)
                throw new InvalidOperationException($"scripts/pg.sh {step} exited {failed.Exit}: {failed.Error}");
    }

    public async Task InitializeAsync()
    {
        var started = await PgAsync(Port, "start");
        if (started.Exit != 0)
            throw new InvalidOperationException($"scripts/pg.sh start exited {started.Exit}: {started.Error}");
    }

    public async Task DisposeAsync()
    {
        await PgAsync(Port, "destroy");
        _folder.Delete(recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
