using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using RetailInsights.Web.Components.Shared;
using RetailInsights.Web.Dashboards.Filters;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Web.Dashboards;

/// <summary>
/// A dashboard page: it reads its filter from the URL, loads each card with its own query (so a slow or failing one
/// only fails its card), and loads them again when the filter in the URL changes or the data does (an upload or an
/// analytics run finished, see <see cref="DataChanges"/>).
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private CancellationTokenSource _load = new();
    private readonly CancellationTokenSource _page = new();
    private DataChanges? _changes;
    private int _refreshPending;
    private string _path = "";

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private DashboardDatabase Database { get; set; } = default!;

    [Inject] private FilterChoiceQueries ChoiceQueries { get; set; } = default!;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Options.IOptions<DashboardOptions> Options { get; set; } = default!;

    /// <summary>The view the URL asks for (null until it is read).</summary>
    protected DashboardFilter? Filter { get; private set; }

    /// <summary>What the filter bar offers.</summary>
    protected FilterChoices Choices { get; private set; } = FilterChoices.None;

    /// <summary>Cancelled when the user leaves the page.</summary>
    protected CancellationToken PageToken => _page.Token;

    protected override async Task OnInitializedAsync()
    {
        _path = new Uri(Navigation.Uri).AbsolutePath;
        Navigation.LocationChanged += OnLocationChanged;
        _changes = Services.GetService<DataChanges>();
        if (_changes is not null)
            _changes.Changed += OnDataChanged;
        try
        {
            Choices = await ChoiceQueries.ChoicesAsync(PageToken);
        }
        catch (Exception e) when (!PageToken.IsCancellationRequested)
        {
            Logger.LogError(e, "The filter's choices could not be read");
        }
        await ReloadAsync();
    }

    /// <summary>
    /// The day a range the URL does not name ends on: the latest day with sales. A page about something else (the uploads
    /// on the data-quality page) names its own.
    /// </summary>
    protected virtual Task<DateOnly> LatestDayAsync(CancellationToken cancellationToken) => Database.LatestDayAsync(cancellationToken);

    /// <summary>Loads every card for this filter; call <see cref="LoadCardAsync{T}"/> for each, side by side.</summary>
    protected abstract Task LoadAsync(DashboardFilter filter, CancellationToken cancellationToken);

    /// <summary>Runs one card's query: its figures, or a message on the card when the query fails or takes too long.</summary>
    protected async Task LoadCardAsync<T>(CardData<T> card, Func<Task<T>> query)
    {
        card.Loading();
        try
        {
            card.Show(await query());
        }
        catch (Exception e) when (!PageToken.IsCancellationRequested)
        {
            Logger.LogError(e, "A dashboard card's query failed");
            card.Fail(IsTimeout(e)
                ? $"This took longer than {Options.Value.QueryTimeoutSeconds} s and was stopped; try a shorter range or fewer stores."
                : "These figures could not be read just now; the rest of the page is fine. Try again in a moment.");
        }
        await InvokeAsync(StateHasChanged);
    }

    private static bool IsTimeout(Exception e) =>
        e is TimeoutException || e.InnerException is TimeoutException || (e is Npgsql.PostgresException p && p.SqlState == "57014");

    private async Task ReloadAsync()
    {
        // Cancelled, not disposed: a load still running holds its token (a disposed source's token throws when read),
        // and a source with no timer holds nothing the collector does not free.
        var previous = Interlocked.Exchange(ref _load, new CancellationTokenSource());
        await previous.CancelAsync();
        DateOnly latest;
        try
        {
            latest = await LatestDayAsync(PageToken);
        }
        catch (Exception e) when (!PageToken.IsCancellationRequested)
        {
            Logger.LogError(e, "The latest day with data could not be read");
            latest = DateOnly.FromDateTime(DateTime.UtcNow);
        }
        Filter = DashboardFilter.Parse(new Uri(Navigation.Uri).Query, latest);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(_load.Token, PageToken);
        await LoadAsync(Filter, both.Token);
    }

    // A new filter on this page (leaving it disposes the page instead).
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (new Uri(e.Location).AbsolutePath == _path)
            _ = InvokeAsync(ReloadAsync);
    }

    // Several changes in a row (a batch of uploads) make one refresh, a second after the first.
    private void OnDataChanged(string what)
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 1)
            return;
        _ = Task.Delay(TimeSpan.FromSeconds(1), PageToken).ContinueWith(async _ =>
        {
            Interlocked.Exchange(ref _refreshPending, 0);
            if (!PageToken.IsCancellationRequested)
                await InvokeAsync(ReloadAsync);
        }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_changes is not null)
            _changes.Changed -= OnDataChanged;
        // Cancelled, not disposed, for the same reason as in ReloadAsync: a load that was running reads them after.
        _page.Cancel();
        _load.Cancel();
        GC.SuppressFinalize(this);
    }
}
