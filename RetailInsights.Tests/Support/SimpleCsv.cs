using System.Text;

namespace RetailInsights.Tests.Support;

/// <summary>
/// An independent RFC 4180 reader for checking files the app writes, so a test does not read them back with
/// the same code that wrote them. Returns the header and the rows as dictionaries by column name.
/// </summary>
public static class SimpleCsv
{
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8)).ToList();
        var header = records[0];
        var rows = records.Skip(1)
            .Select(fields => header.Select((name, i) => (name, value: i < fields.Count ? fields[i] : ""))
                .ToDictionary(x => x.name, x => x.value))
            .ToList();
        return (header, rows);
    }

    private static IEnumerable<List<string>> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
