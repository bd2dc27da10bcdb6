using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace RetailInsights.Web.Components.Shared.Charts;

/// <summary>
/// Plotly reads names, labels and hover text as a little HTML: it draws <c>&lt;a href&gt;</c> and styled spans there.
/// Every chart passes its traces and layout through here before they are drawn, so a product, category or store name
/// from the data shows as the text it is. The line breaks and bold our own hover texts use are kept; templates
/// (<c>HoverTemplate</c>, <c>TextTemplate</c>) are ours and left alone, so they take data only through <c>%{…}</c>.
/// </summary>
public static class ChartText
{
    // The properties of a trace that may hold text from the data: names, values on a category axis, texts, hover texts.
    private static readonly HashSet<string> TraceTexts =
        ["Name", "Text", "TextArray", "HoverText", "HoverTextArray", "X", "Y", "Labels", "Parents", "CustomData", "Meta", "MetaArray"];

    private static readonly HashSet<string> AxisTexts = ["TickText", "CategoryArray"];

    private static readonly HashSet<string> AnnotationTexts = ["Text", "HoverText"];

    private static readonly string[] KeptTags = ["br", "b", "/b", "i", "/i"];

    // Charts hand the same trace objects over again at every render: each is encoded once.
    private static readonly ConditionalWeakTable<object, object> Encoded = new();

    /// <summary>The text as Plotly shows it literally: &amp;, &lt; and &gt; as entities, but for the kept tags.</summary>
    public static string Encode(string text)
    {
        var encoded = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        foreach (var tag in KeptTags)
            encoded = encoded.Replace($"&lt;{tag}&gt;", $"<{tag}>", StringComparison.OrdinalIgnoreCase);
        return encoded;
    }

    /// <summary>A value Plotly reports back (a clicked category) as the data said it.</summary>
    public static string Decode(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    public static void EncodeTraces(IEnumerable<ITrace> traces)
    {
        foreach (var trace in traces)
            EncodeOnce(trace, TraceTexts);
    }

    public static void EncodeLayout(PlotLayout layout)
    {
        foreach (var axis in (IEnumerable<object>?)layout.XAxis ?? [])
            EncodeOnce(axis, AxisTexts);
        foreach (var axis in (IEnumerable<object>?)layout.YAxis ?? [])
            EncodeOnce(axis, AxisTexts);
        foreach (var annotation in (IEnumerable<object>?)layout.Annotations ?? [])
            EncodeOnce(annotation, AnnotationTexts);
    }

    private static void EncodeOnce(object target, HashSet<string> names)
    {
        if (Encoded.TryGetValue(target, out _))
            return;
        Encoded.AddOrUpdate(target, target);
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!names.Contains(property.Name) || !property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0)
                continue;
            var value = property.GetValue(target);
            var encoded = EncodeValue(value);
            if (!ReferenceEquals(value, encoded) && property.PropertyType.IsInstanceOfType(encoded))
                property.SetValue(target, encoded);
        }
    }

    // Strings, and strings inside lists and arrays (a heat map's texts are a list of rows); numbers and dates stay.
    private static object? EncodeValue(object? value) => value switch
    {
        string text => Encode(text),
        object[] array => array.Select(EncodeValue).ToArray(),
        IList<object> list => list.Select(EncodeValue).ToList(),
        IEnumerable<string> strings => strings.Select(Encode).ToList(),
        IList list => list.Cast<object?>().Select(EncodeValue).ToList(),
        _ => value,
    };
}
