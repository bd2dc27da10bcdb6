using Npgsql;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// Tells open pages that the data changed, so they refresh without a reload: the transaction that changed it sends a
/// PostgreSQL NOTIFY (delivered when it commits, to every app instance, whichever process loaded the file), and each
/// instance listens on one connection and raises one event per change for all its pages.
/// </summary>
public sealed class DataChanges(NpgsqlDataSource dataSource, ILogger<DataChanges> logger) : BackgroundService
{
    public const string Channel = "ri_data_changed";

    /// <summary>What changed: <see cref="Uploads"/>, <see cref="Analytics"/> or <see cref="Events"/>.</summary>
    public event Action<string>? Changed;

    public const string Uploads = "uploads";
    public const string Analytics = "analytics";
    public const string Events = "events";

    /// <summary>Announces a change from inside the transaction that makes it (nothing is sent if it rolls back).</summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, string what, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @what)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("what", what);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Changed?.Invoke(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database went away (a restart): pages refresh on the next change once it is back.
                logger.LogWarning("Listening for data changes failed ({Message}); listening again in 5 s", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
