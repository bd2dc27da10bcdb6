using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Live;

/// <summary>
/// One Live snapshot for every open Live page of this app instance: when events (or an upload) change the data, the
/// snapshot is read once — a tenth of a second after the first change, so a burst makes one read — and handed to
/// every page at once; between changes it is read every few seconds so the minutes move on. Nobody watching, nothing
/// is read.
/// </summary>
public sealed class LiveFeed(IServiceScopeFactory scopes, DataChanges changes, ILogger<LiveFeed> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private int _watchers;

    public LiveSnapshot Current { get; private set; } = LiveSnapshot.Empty;

    /// <summary>Raised on the feed's thread with each new snapshot: pages marshal to their own circuit.</summary>
    public event Action<LiveSnapshot>? Updated;

    /// <summary>A page starts watching: the feed reads a snapshot for it at once.</summary>
    public void Watch()
    {
        Interlocked.Increment(ref _watchers);
        Poke();
    }

    public void Unwatch() => Interlocked.Decrement(ref _watchers);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        changes.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await _changed.WaitAsync(Tick, stoppingToken))
                    await Task.Delay(Debounce, stoppingToken);
                if (Volatile.Read(ref _watchers) > 0)
                    await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            changes.Changed -= OnChanged;
        }
    }

    private void OnChanged(string what)
    {
        if (what is DataChanges.Events or DataChanges.Uploads)
            Poke();
    }

    private void Poke()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A read is already due: this change joins it.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            Current = await scope.ServiceProvider.GetRequiredService<LiveQueries>().SnapshotAsync(cancellationToken);
            var read = clock.Elapsed.TotalMilliseconds;
            Updated?.Invoke(Current);
            logger.LogDebug("Live snapshot read in {ReadMs:F0} ms, handed to pages in {HandedMs:F0} ms", read, clock.Elapsed.TotalMilliseconds - read);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The page keeps its last snapshot; the next change or tick tries again.
            logger.LogWarning(e, "The live snapshot could not be read");
        }
    }
}
