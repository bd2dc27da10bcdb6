using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace RetailInsights.Benchmarks;

/// <summary>What the browser asked for during a visit, so that a slow one says which request it waited on.</summary>
internal sealed class VisitRequests
{
    private readonly List<(IRequest Request, TimeSpan Start, TimeSpan? End)> _requests = [];
    private readonly List<(string Url, TimeSpan At)> _sockets = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public VisitRequests(IPage page)
    {
        page.Request += (_, request) => { lock (_requests) _requests.Add((request, _clock.Elapsed, null)); };
        page.RequestFinished += (_, request) => Finished(request);
        page.RequestFailed += (_, request) => Finished(request);
        page.WebSocket += (_, socket) => { lock (_requests) _sockets.Add((socket.Url, _clock.Elapsed)); };
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Restart()
    {
        lock (_requests)
        {
            _requests.Clear();
            _sockets.Clear();
            _clock.Restart();
        }
    }

    public void Print(string heading)
    {
        lock (_requests)
        {
            Console.WriteLine($"  {heading}; its requests (start → end, ms):");
            foreach (var (request, start, end) in _requests)
                Console.WriteLine($"    {start.TotalMilliseconds,7:F0} → {(end is { } e ? e.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) : "open"),7} " +
                    $"{request.Method} {request.Url}");
            foreach (var (url, at) in _sockets)
                Console.WriteLine($"    {at.TotalMilliseconds,7:F0} web socket {url}");
        }
    }

    private void Finished(IRequest request)
    {
        lock (_requests)
        {
            var i = _requests.FindIndex(r => ReferenceEquals(r.Request, request));
            if (i >= 0)
                _requests[i] = _requests[i] with { End = _clock.Elapsed };
        }
    }
}
