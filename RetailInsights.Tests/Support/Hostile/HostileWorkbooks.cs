using System.Text;
using static RetailInsights.Tests.Support.Hostile.RawWorkbook;

namespace RetailInsights.Tests.Support.Hostile;

/// <summary>The Excel part of the <see cref="HostileCorpus"/>: workbooks whose work is not bounded by their bytes.</summary>
public static class HostileWorkbooks
{
    /// <summary>
    /// The workbook of issue #21 (1 KB): a header row with one empty cell at XFD1 and one row numbered 2,147,483,647.
    /// ExcelDataReader yields a row for every row number in between, each 16,384 cells wide.
    /// </summary>
    public static void WriteGapBomb(string path) => RawWorkbook.Write(path, [("Sheet1", Sheet(
        SalesHeader().Replace("</row>", "<c r=\"XFD1\"/></row>") + "<row r=\"2147483647\">" + Number("A2147483647", "1") + "</row>"))]);

    internal static void Write(HostileCorpus corpus)
    {
        void Book(string name, IReadOnlyList<(string, string)> sheets, string? strings = null, Dictionary<string, string?>? parts = null,
            Dictionary<string, Action<TextWriter>>? streamed = null)
        {
            var path = corpus.Path(name + ".xlsx");
            RawWorkbook.Write(path, sheets, strings, parts, streamed);
            corpus.Keep(path);
        }
        void One(string name, string sheetXml) => Book(name, [("Sheet1", sheetXml)]);
        string Good(int rows, int first = 2) => SalesHeader() + string.Concat(Enumerable.Range(first, rows).Select(r => SaleRow(r, r)));

        for (var i = 0; i < 3; i++)
            One($"good-{i}", Sheet(SalesHeader() + string.Concat(Enumerable.Range(2, 4 + i).Select(r => SaleRow(r, 100 * i + r)))));
        var gap = corpus.Path("issue-21-gap-bomb.xlsx");
        WriteGapBomb(gap);
        corpus.Keep(gap);
        One("row-2147483647-narrow", Sheet(SalesHeader() + SaleRow(2147483647)));
        One("row-past-excel", Sheet(SalesHeader() + SaleRow(1_048_577)));
        One("row-at-excel-limit-narrow", Sheet(SalesHeader() + SaleRow(1_048_576)));
        One("row-gap-wide", Sheet(SalesHeader().Replace("</row>", "<c r=\"AMJ1\"/></row>") + SaleRow(1_000_000)));
        One("column-past-xfd", Sheet(SalesHeader().Replace("</row>", "<c r=\"XFE1\"><v>1</v></c></row>") + SaleRow(2)));
        One("column-absurd", Sheet(SalesHeader().Replace("</row>", "<c r=\"ZZZZZZZZ1\"><v>1</v></c></row>") + SaleRow(2)));
        One("cell-refs-missing", Sheet("<row><c t=\"inlineStr\"><is><t>Invoice</t></is></c></row><row><c><v>1</v></c></row>"));
        foreach (var (label, range) in new[] { ("xfd", "A1:XFD1"), ("rows", "A1:F2000000"), ("huge", "A1:ZZZZZZZZ99999999999999"),
                     ("garbage", "!!!"), ("empty", ""), ("single", "A1"), ("reversed", "F9:A1"), ("many-ranges", "A1:B2 C3:XFD1048577") })
            One($"dimension-{label}", Sheet(Good(3), range));
        foreach (var (label, r) in new[] { ("zero", "0"), ("negative", "-5"), ("text", "abc"), ("huge", "99999999999999999999"), ("float", "2.5") })
            One($"row-number-{label}", Sheet(SalesHeader() + SaleRow(2).Replace("<row r=\"2\">", $"<row r=\"{r}\">")));
        One("rows-descending", Sheet(SalesHeader() + SaleRow(10) + SaleRow(5) + SaleRow(7)));
        One("rows-repeated", Sheet(SalesHeader() + SaleRow(2) + SaleRow(2) + SaleRow(2)));
        One("cell-2mb-inline", Sheet(SalesHeader() + $"<row r=\"2\">{Text("A2", new string('x', 2_000_000))}</row>"));
        One("many-cells-one-row", Sheet(SalesHeader() + "<row r=\"2\">" +
            string.Concat(Enumerable.Range(0, 1024).Select(c => Number(XlsxWriter.Column(c) + "2", "1"))) + "</row>"));
        One("value-types", Sheet(SalesHeader() + "<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"B2\" t=\"b\"><v>2</v></c>" +
            "<c r=\"C2\"><v>1e308</v></c><c r=\"D2\"><v>-1</v></c><c r=\"E2\"><v>NaN</v></c><c r=\"F2\" t=\"d\"><v>not a date</v></c></row>"));
        One("serial-dates-extreme", Sheet(SalesHeader() + "<row r=\"2\">" + Text("A2", "X") + Text("B2", "P") + Number("C2", "1") +
            Number("D2", "2958465.99999999") + Number("E2", "1") + Text("F2", "S1") + "</row><row r=\"3\">" + Text("A3", "Y") + Text("B3", "P") +
            Number("C3", "1") + Number("D3", "1e300") + Number("E3", "1") + Text("F3", "S1") + "</row>"));
        One("not-xml", "this is not XML <<<");
        One("empty-sheet-part", "");
        One("no-sheet-data", $"<worksheet xmlns=\"{Main}\"/>");
        One("entity-bomb", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>" +
            $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>");
        One("external-entity", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" +
            $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>");

        // Shared strings: many, past the limit, out of range, an entity bomb.
        var header = "<row r=\"1\">" + string.Concat(Enumerable.Range(0, 6).Select(c => $"<c r=\"{XlsxWriter.Column(c)}1\" t=\"s\"><v>{c}</v></c>")) + "</row>";
        string Strings(IEnumerable<string> texts) => $"<sst xmlns=\"{Main}\">" + string.Concat(texts.Select(t => $"<si><t>{t}</t></si>")) + "</sst>";
        var names = new[] { "Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "StoreId" };
        Book("shared-strings-many", [("Sheet1", Sheet(header + SaleRow(2)))], null, null, new()
        {
            ["xl/sharedStrings.xml"] = w =>
            {
                w.Write($"<sst xmlns=\"{Main}\">");
                foreach (var n in names)
                    w.Write($"<si><t>{n}</t></si>");
                for (var i = 0; i < 400_000; i++)
                    w.Write($"<si><t>distinct text number {i}</t></si>");
                w.Write("</sst>");
            },
        });
        Book("shared-strings-past-limit", [("Sheet1", Sheet(header + SaleRow(2)))], Strings(names), null, new()
        {
            ["xl/sharedStrings.xml"] = w =>
            {
                w.Write($"<sst xmlns=\"{Main}\">");
                foreach (var n in names)
                    w.Write($"<si><t>{n}</t></si>");
                var blanks = new string(' ', 65536);
                for (var written = 0L; written < 130L * 1024 * 1024; written += blanks.Length)
                    w.Write($"<si><t xml:space=\"preserve\">{blanks}</t></si>");
                w.Write("</sst>");
            },
        });
        Book("shared-string-out-of-range", [("Sheet1", Sheet(header.Replace("<v>5</v>", "<v>99999999</v>") + SaleRow(2)))], Strings(names));
        Book("shared-string-negative", [("Sheet1", Sheet(header.Replace("<v>5</v>", "<v>-1</v>") + SaleRow(2)))], Strings(names));
        Book("shared-string-not-a-number", [("Sheet1", Sheet(header.Replace("<v>5</v>", "<v>five</v>") + SaleRow(2)))], Strings(names));
        Book("shared-strings-missing", [("Sheet1", Sheet(header + SaleRow(2)))]);
        Book("shared-strings-entity-bomb", [("Sheet1", Sheet(header + SaleRow(2)))],
            "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" +
            $"<sst xmlns=\"{Main}\"><si><t>&c;</t></si></sst>");

        // Sheets: many, listed but missing, the workbook part missing or lying.
        Book("sheets-500", Enumerable.Range(1, 500).Select(i => ($"S{i}", Sheet(Good(1)))).ToList());
        Book("sheets-2000-empty", Enumerable.Range(1, 2000).Select(i => ($"S{i}", Sheet(""))).ToList());
        Book("sheet-part-missing", [("Sheet1", Sheet(Good(2)))], null, new() { ["xl/worksheets/sheet1.xml"] = null });
        Book("workbook-part-missing", [("Sheet1", Sheet(Good(2)))], null, new() { ["xl/workbook.xml"] = null });
        Book("workbook-rels-missing", [("Sheet1", Sheet(Good(2)))], null, new() { ["xl/_rels/workbook.xml.rels"] = null });
        Book("content-types-missing", [("Sheet1", Sheet(Good(2)))], null, new() { ["[Content_Types].xml"] = null });
        Book("workbook-not-xml", [("Sheet1", Sheet(Good(2)))], null, new() { ["xl/workbook.xml"] = "<<<" });
        Book("sheet-name-huge", [(new string('n', 100_000), Sheet(Good(2)))]);
        Book("zip-bomb-sheet", [("Sheet1", "")], null, null, new()
        {
            ["xl/worksheets/sheet1.xml"] = w =>
            {
                w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
                var blanks = new string(' ', 65536);
                for (var written = 0L; written < HostileCorpus.BombBytes; written += blanks.Length)
                    w.Write(blanks);
                w.Write("</sheetData></worksheet>");
            },
        });
        Book("rows-many-blank-cells", [("Sheet1", "")], null, null, new()
        {
            ["xl/worksheets/sheet1.xml"] = w =>
            {
                w.Write($"<worksheet xmlns=\"{Main}\"><sheetData>{SalesHeader()}");
                for (var r = 2; r < 200_000; r++)
                    w.Write($"<row r=\"{r}\"><c r=\"AMJ{r}\"/></row>");
                w.Write("</sheetData></worksheet>");
            },
        });

        // Truncations and mutations of a good workbook.
        var goodPath = Path.Combine(Path.GetTempPath(), $"ri-hostile-{Guid.NewGuid():N}.xlsx");
        RawWorkbook.Write(goodPath, [("Sheet1", Sheet(Good(40)))]);
        var good = File.ReadAllBytes(goodPath);
        File.Delete(goodPath);
        foreach (var share in new[] { 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99 })
            corpus.Bytes($"truncated-{share:0.00}.xlsx", good[..(int)(good.Length * share)]);
        corpus.Bytes("truncated-no-central-directory.xlsx", good[..(good.Length - 22)]);
        for (var i = 0; i < 40; i++)
            corpus.Bytes($"mutated-{i}.xlsx", corpus.Mutate(good));
        for (var i = 0; i < 5; i++)
            corpus.Bytes($"random-{i}.xlsx", [.. "PK\x03\x04"u8, .. corpus.RandomBytes(corpus.Random.Next(30, 4000))]);
    }
}
