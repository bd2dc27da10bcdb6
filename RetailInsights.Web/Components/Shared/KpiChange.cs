
using RetailInsights.Web.Infrastructure;

namespace RetailInsights.Web.Components.Shared;

/// <summary>
/// A figure against the period before: up or down by how much, and whether that is good news (more revenue is; more
/// refunds are not). No change can be told against a previous value of zero.
/// </summary>
public sealed record KpiChange(decimal Current, decimal Previous, bool HigherIsBetter = true)
{
    /// <summary>The change as a share of the previous value (0.12 for +12%); null when the previous value was zero.</summary>
    public double? Share => Previous == 0 ? null : (double)((Current - Previous) / Math.Abs(Previous));

    public bool IsUp => Current > Previous;

    public bool IsFlat => Current == Previous;

    /// <summary>Whether the change is good news; a flat figure is neither.</summary>
    public bool? IsGood => IsFlat ? null : IsUp == HigherIsBetter;

    public string Text => Share switch
    {
        null when Current == 0 => "no change",
        null => "new",
        _ when IsFlat => "no change",
        { } share => $"{(IsUp ? "▲" : "▼")} {Format.Percent(Math.Abs(share))}",
    };
}
