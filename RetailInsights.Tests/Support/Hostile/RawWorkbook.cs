using System.IO.Compression;

namespace RetailInsights.Tests.Support.Hostile;

/// <summary>
/// Writes a workbook's parts exactly as given — sheet XML, shared strings, any extra or missing part — so a test can
/// make the workbooks no spreadsheet program writes: row numbers past Excel's limit, stray cells far to the right,
/// entity bombs, parts that lie about their size.
/// </summary>
public static class RawWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A worksheet part: optional dimension, then the rows' XML as given.</summary>
    public static string Sheet(string rowsXml, string? dimension = null) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\">" +
        (dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>") + $"<sheetData>{rowsXml}</sheetData></worksheet>";

    /// <summary>An inline-string cell, so a sheet needs no shared strings.</summary>
    public static string Text(string at, string text) =>
        $"<c r=\"{at}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>";

    public static string Number(string at, string value) => $"<c r=\"{at}\"><v>{value}</v></c>";

    /// <summary>The header of a sales file in row 1, as inline strings.</summary>
    public static string SalesHeader(int row = 1) =>
        $"<row r=\"{row}\">" + string.Concat(new[] { "Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "StoreId" }
            .Select((h, i) => Text($"{(char)('A' + i)}{row}", h))) + "</row>";

    /// <summary>One sale in the given row, as inline strings and numbers.</summary>
    public static string SaleRow(long row, int invoice = 1) =>
        $"<row r=\"{row}\">{Text($"A{row}", $"INV{invoice}")}{Text($"B{row}", "P1")}{Number($"C{row}", "2")}" +
        $"{Text($"D{row}", "2025-07-01 10:00:00")}{Number($"E{row}", "1.5")}{Text($"F{row}", "S1")}</row>";

    /// <param name="parts">Part name and content; a null content leaves the part out. Workbook, relationships and
    /// content types are written for the sheets unless given here.</param>
    /// <param name="streamed">Parts written by a writer (huge ones), after the others.</param>
    public static void Write(string path, IReadOnlyList<(string Name, string Xml)> sheets, string? sharedStrings = null,
        IReadOnlyDictionary<string, string?>? parts = null, IReadOnlyDictionary<string, Action<TextWriter>>? streamed = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" " +
                    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>" +
                string.Concat(sheets.Select((s, i) => $"<sheet name=\"{System.Security.SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
                "</sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                (sharedStrings is null ? "" : $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>",
        };
        for (var i = 0; i < sheets.Count; i++)
            all[$"xl/worksheets/sheet{i + 1}.xml"] = sheets[i].Xml;
        if (sharedStrings is not null)
            all["xl/sharedStrings.xml"] = sharedStrings;
        foreach (var (name, xml) in parts ?? new Dictionary<string, string?>())
            all[name] = xml;

        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, xml) in all)
            if (xml is not null && streamed?.ContainsKey(name) != true)
                XlsxWriter.Entry(zip, name, w => w.Write(xml));
        foreach (var (name, write) in streamed ?? new Dictionary<string, Action<TextWriter>>())
            XlsxWriter.Entry(zip, name, write);
    }
}
