using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace RetailInsights.Tests.Support;

/// <summary>A number Excel holds as text (a cell of type string whose text is digits): a quirk of real exports.</summary>
public sealed record TextCell(string Text);

/// <summary>
/// Writes .xlsx workbooks the way Excel lays them out — shared strings, numbers as numbers, dates as serial numbers
/// with a date style — streaming the rows, so a test or benchmark can make a sheet of any size. Cells: string (a shared
/// string), <see cref="TextCell"/> (the same, for digits), numbers, DateTime (a serial number), null (no cell).
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(string path, params (string Name, IEnumerable<object?[]> Rows)[] sheets) => Write(path, 0, sheets);

    /// <param name="paddingBytes">Blanks written inside the first sheet's XML (legal, and deflated to nearly nothing): a zip bomb.</param>
    public static void Write(string path, long paddingBytes, params (string Name, IEnumerable<object?[]> Rows)[] sheets)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sheets.Length; i++)
            WriteSheet(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i].Rows, strings, i == 0 ? paddingBytes : 0);
        Entry(zip, "xl/sharedStrings.xml", w =>
        {
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"{Main}\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
            foreach (var text in strings.OrderBy(p => p.Value).Select(p => p.Key))
                w.Write($"<si><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></si>");
            w.Write("</sst>");
        });
        Entry(zip, "xl/styles.xml", w => w.Write(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"{Main}\">" +
            "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>" +
            "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>" +
            "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
            "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"));
        Entry(zip, "xl/workbook.xml", w =>
        {
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>");
            for (var i = 0; i < sheets.Length; i++)
                w.Write($"<sheet name=\"{SecurityElement.Escape(sheets[i].Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
            w.Write("</sheets></workbook>");
        });
        Entry(zip, "xl/_rels/workbook.xml.rels", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (var i = 0; i < sheets.Length; i++)
                w.Write($"<Relationship Id=\"rId{i + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
            w.Write($"<Relationship Id=\"rId{sheets.Length + 1}\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>");
            w.Write($"<Relationship Id=\"rId{sheets.Length + 2}\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            w.Write("</Relationships>");
        });
        Entry(zip, "_rels/.rels", w => w.Write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Entry(zip, "[Content_Types].xml", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            for (var i = 0; i < sheets.Length; i++)
                w.Write($"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            w.Write("</Types>");
        });
    }

    private static void WriteSheet(ZipArchive zip, string name, IEnumerable<object?[]> rows, Dictionary<string, int> strings,
        long paddingBytes) =>
        Entry(zip, name, w =>
        {
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\"><sheetData>");
            var blanks = new string(' ', 64 * 1024);
            for (long written = 0; written < paddingBytes; written += blanks.Length)
                w.Write(blanks);
            var r = 0;
            foreach (var row in rows)
            {
                r++;
                // Excel leaves a blank row out of the file: only the next row's number tells it was there.
                if (row.All(cell => cell is null))
                    continue;
                w.Write($"<row r=\"{r}\">");
                for (var c = 0; c < row.Length; c++)
                {
                    var at = Column(c) + r.ToString(CultureInfo.InvariantCulture);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string text:
                            w.Write($"<c r=\"{at}\" t=\"s\"><v>{Shared(text, strings)}</v></c>");
                            break;
                        case TextCell text:
                            w.Write($"<c r=\"{at}\" t=\"s\"><v>{Shared(text.Text, strings)}</v></c>");
                            break;
                        case DateTime date:
                            w.Write($"<c r=\"{at}\" s=\"1\"><v>{date.ToOADate().ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        case IFormattable number:
                            w.Write($"<c r=\"{at}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        default:
                            throw new ArgumentException($"No cell for {row[c]!.GetType().Name}.");
                    }
                }
                w.Write("</row>");
            }
            w.Write("</sheetData></worksheet>");
        });

    private static int Shared(string text, Dictionary<string, int> strings)
    {
        if (!strings.TryGetValue(text, out var index))
            strings[text] = index = strings.Count;
        return index;
    }

    /// <summary>A column's letters from its 0-based index (0 → A, 26 → AA).</summary>
    internal static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>One part of a workbook, written as UTF-8 text.</summary>
    internal static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
