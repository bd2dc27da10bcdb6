using System.Buffers;
using System.Text.Json;

namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>
/// Reads one page of a retailer API: the records under a path (<c>data</c>, <c>result.items</c>, or the page itself
/// when it is an array), each as a compact JSON line with its cursor value, and the page's <c>next</c> link. A page
/// that is not JSON, has no records where the path says, or a record without a cursor value refuses the page whole,
/// so a pull never loads half a page.
/// </summary>
public static class ApiPageReader
{
    public const int MaxDepth = 64;

    /// <summary>Longer than any timestamp or id: a value past it is not a cursor.</summary>
    public const int MaxCursorLength = 256;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <exception cref="ApiPageException">The page cannot be taken; the message says what to check.</exception>
    public static ApiPage Read(ReadOnlyMemory<byte> body, string? recordsPath, string cursorField)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            throw new ApiPageException($"the answer is not valid JSON ({e.Message})");
        }
        using (document)
        {
            var records = Records(document.RootElement, recordsPath);
            var read = new List<ApiRecord>(records.GetArrayLength());
            var number = 0;
            foreach (var record in records.EnumerateArray())
            {
                number++;
                if (record.ValueKind != JsonValueKind.Object)
                    throw new ApiPageException($"record {number} is {Describe(record.ValueKind)}, not an object: check the records path");
                read.Add(new ApiRecord(Compact(record), CursorOf(record, cursorField, number)));
            }
            return new ApiPage(read, NextOf(document.RootElement));
        }
    }

    private static JsonElement Records(JsonElement root, string? path)
    {
        var at = root;
        var walked = "the answer";
        foreach (var name in string.IsNullOrWhiteSpace(path) ? [] : path.Split('.'))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out var inner))
                throw new ApiPageException($"{walked} has no '{name}': check the records path ('{path}')");
            at = inner;
            walked = $"'{name}'";
        }
        if (at.ValueKind != JsonValueKind.Array)
            throw new ApiPageException(string.IsNullOrWhiteSpace(path)
                ? $"the answer is {Describe(at.ValueKind)}, not an array of records: name the records path (e.g. data)"
                : $"'{path}' is {Describe(at.ValueKind)}, not an array of records: check the records path");
        return at;
    }

    private static string CursorOf(JsonElement record, string field, int number)
    {
        var cursor = !record.TryGetProperty(field, out var value) ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
            : null;
        if (string.IsNullOrEmpty(cursor))
            throw new ApiPageException($"record {number} has no value in '{field}', the cursor field: check the cursor field " +
                "(every record needs it, so the next pull knows where to start)");
        if (cursor.Length > MaxCursorLength)
            throw new ApiPageException($"record {number}'s '{field}' is {cursor.Length} characters, longer than a timestamp or id " +
                $"(at most {MaxCursorLength}): check the cursor field");
        return cursor;
    }

    /// <summary>A top-level <c>next</c> that is a non-empty string; null when absent, null or empty (the last page).</summary>
    private static string? NextOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String
            && next.GetString() is { Length: > 0 } link
            ? link
            : null;

    private static byte[] Compact(JsonElement record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
            record.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
