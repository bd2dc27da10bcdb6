using Microsoft.AspNetCore.Components;

namespace RetailInsights.Web.Components.Shared;

/// <summary>A page whose queries stop when the user navigates away (the circuit keeps running otherwise).</summary>
public abstract class CancellableComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    protected CancellationToken ComponentToken => _cancellation.Token;

    public void Dispose()
    {
        _cancellation.Cancel();
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
