using Bunit;
using Microsoft.AspNetCore.Components;

namespace RetailInsights.Tests.Web.Components;

/// <summary>
/// Finds an element and fires its event in one step on the renderer's thread. Pages that refresh themselves (the
/// uploads list polls while a load moves) can re-render between a separate Find and Click, and the found element's
/// handler is then gone.
/// </summary>
public static class StableEvents
{
    public static Task ClickNowAsync<T>(this IRenderedComponent<T> rendered, string selector) where T : IComponent =>
        rendered.InvokeAsync(() => rendered.Find(selector).Click());

    public static Task ChangeNowAsync<T, TValue>(this IRenderedComponent<T> rendered, string selector, TValue value) where T : IComponent =>
        rendered.InvokeAsync(() => rendered.Find(selector).Change(value));
}
