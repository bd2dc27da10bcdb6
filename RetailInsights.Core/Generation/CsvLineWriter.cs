using System.Globalization;
using System.Text;

namespace RetailInsights.Core.Generation;

/// <summary>Writes RFC 4180 rows: UTF-8 without BOM, LF line ends, quotes only where a field needs them.</summary>
internal sealed class CsvLineWriter : IDisposable
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;

    public CsvLineWriter(string path, IReadOnlyList<string> header)
    {
        _writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        WriteRow(header);
    }

    public void WriteRow(IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                _writer.Write(',');
            WriteField(fields[i]);
        }
        _writer.Write('\n');
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTime value) =>
        value.ToString(Domain.CsvLayouts.TimestampFormat, CultureInfo.InvariantCulture);

    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(field);
            return;
        }
        _writer.Write('"');
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Dispose() => _writer.Dispose();
}
