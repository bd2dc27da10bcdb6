using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Infrastructure.Hosting;

namespace RetailInsights.Tests.Web.Infrastructure.Hosting;

/// <summary>
/// A leaving page's beacon is answered before the circuit has ended, on a connection then closed, and the circuit still
/// ends with the beacon's form: on a real Kestrel port, behind the handler that stands where Blazor's disconnect
/// endpoint is, held as a circuit whose component waits on a browser that has gone.
/// </summary>
[Trait("Tier", "unit")]
public sealed class DisconnectBeaconTests : IAsyncDisposable
{
    private readonly TaskCompletionSource _circuitMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _circuitEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private async Task<HttpClient> StartAsync()
    {
        (_app, var address) = await LoopbackServer.StartAsync(app =>
        {
            app.UseEarlyDisconnectAnswer();
            app.MapPost(DisconnectBeacon.Path, async context =>
            {
                if (!context.Request.HasFormContentType)
                {
                    await _circuitMayEnd.Task;
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                var form = await context.Request.ReadFormAsync();
                await _circuitMayEnd.Task;
                context.Response.StatusCode = StatusCodes.Status200OK;
                _circuitEnded.SetResult(form["circuitId"]);
            });
            app.MapPost("/elsewhere", async context =>
            {
                await _circuitMayEnd.Task;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            });
        });
        return new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task Beacon_isAnsweredWhileTheCircuitIsStillEnding_andTheCircuitEndsWithItsForm()
    {
        using var client = await StartAsync();

        using var answer = await client.PostAsync(DisconnectBeacon.Path,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = "circuit-42" })).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.ConnectionClose, "the connection the beacon held is closed, not kept for another request");
        Assert.False(_circuitEnded.Task.IsCompleted, "the answer came before the circuit ended");
        _circuitMayEnd.SetResult();
        Assert.Equal("circuit-42", await _circuitEnded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OtherRequests_waitForTheirHandlerAsBefore()
    {
        using var client = await StartAsync();

        var elsewhere = client.PostAsync("/elsewhere", new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = "x" }));
        var noForm = client.PostAsync(DisconnectBeacon.Path, new StringContent("{}"));
        await Task.Delay(300);
        Assert.False(elsewhere.IsCompleted);
        Assert.False(noForm.IsCompleted, "a beacon without its form is left to Blazor, which refuses it");
        _circuitMayEnd.SetResult();

        Assert.Equal(HttpStatusCode.Accepted, (await elsewhere).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await noForm).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _circuitMayEnd.TrySetResult();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
