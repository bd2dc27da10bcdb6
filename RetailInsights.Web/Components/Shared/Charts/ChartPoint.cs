using System.Globalization;
using System.Text.Json;
using Plotly.Blazor.Interop;

namespace RetailInsights.Web.Components.Shared.Charts;

/// <summary>A clicked point: which trace, which point of it, and its values as Plotly reports them.</summary>
public sealed record ChartPoint(int Trace, int Point, object? X, object? Y)
{
    /// <summary>Plotly's event arrives as JSON: the indexes are numbers inside JSON elements.</summary>
    public static ChartPoint From(EventDataPoint point) =>
        new(point.TraceIndex, Index(point.PointIndex ?? point.PointNumber), AsData(point.X), AsData(point.Y));

    // A category comes back as it was drawn, encoded (ChartText): handlers get it as the data said it.
    private static object? AsData(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } text => ChartText.Decode(text.GetString()!),
        string text => ChartText.Decode(text),
        _ => value,
    };

    private static int Index(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } number => number.GetInt32(),
        JsonElement { ValueKind: JsonValueKind.Array } array when array.GetArrayLength() > 0 => Index(array[0]),
        IConvertible convertible => convertible.ToInt32(CultureInfo.InvariantCulture),
        _ => 0,
    };
}
