using System.Globalization;
using System.IO.Compression;
using ExcelDataReader;

namespace RetailInsights.Core.Ingestion.Formats;

/// <summary>
/// One sheet of an Excel workbook as a table, streamed row by row with ExcelDataReader: the first non-blank row is the
/// header, blank rows are skipped, a row labelled Total is a rejected record. Numbers read as invariant text, date
/// cells (serial numbers with a date style) as ISO timestamps, and plain serial numbers in the date column too.
/// </summary>
internal sealed class XlsxRecordTable : IRecordTable
{
    // ExcelDataReader's configuration asks for code page 1252 (for old .xls files) even when it reads an .xlsx.
    static XlsxRecordTable() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private readonly Stream _file;
    private readonly IExcelDataReader _reader;
    private readonly string _fileName;
    private readonly int _maxRecordBytes;
    private readonly ReadOptions _options;
    private long _cellsWalked;
    private string[] _values = [];
    private bool _blank;
    private string?[] _serialDates = [];
    private bool _total;

    /// <param name="sheet">A sheet's name or 1-based number; null for the first sheet.</param>
    /// <exception cref="FileRefusedException">The workbook expands past the limits, is damaged, or has no such sheet.</exception>
    public XlsxRecordTable(Stream file, string? sheet, ReadOptions options, string fileName)
    {
        _file = file = new CancellableStream(file, options.Cancellation);
        _fileName = fileName;
        _maxRecordBytes = options.MaxRecordBytes;
        _options = options;
        try
        {
            var listed = CheckExpansion(file, options, fileName);
            file.Position = 0;
            _reader = ExcelReaderFactory.CreateOpenXmlReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
            // The reader reads a sheet's XML through whenever it moves to it: the names the workbook part lists spare a
            // pass over every sheet, trusted while they agree with the reader's own count and names.
            Sheets = listed is { Count: > 0 } && listed.Count == _reader.ResultsCount && listed[0] == _reader.Name ? listed : SheetNames(_reader);
            if (GoToSheet(sheet) is var index && _reader.Name != Sheets[index])
            {
                _reader.Reset();
                Sheets = SheetNames(_reader);
                GoToSheet(sheet);
            }
            SheetName = _reader.Name;
            Headers = ReadHeader();
        }
        catch (Exception e) when (IsDamage(e))
        {
            Dispose();
            throw new FileRefusedException($"{fileName} is not a readable Excel workbook ({e.Message}).", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// A workbook's sheets as its workbook part lists them, without reading a sheet: the reader moves through every
    /// sheet's XML to list them (seconds for a large sheet), which only a workbook without that part needs.
    /// </summary>
    /// <exception cref="FileRefusedException">The workbook expands past the limits or is damaged.</exception>
    public static IReadOnlyList<string> ListSheets(Func<Stream> openFile, ReadOptions options, string fileName)
    {
        try
        {
            using (var file = new CancellableStream(openFile(), options.Cancellation))
                if (CheckExpansion(file, options, fileName) is { Count: > 0 } listed)
                    return listed;
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new FileRefusedException($"{fileName} is not a readable Excel workbook ({e.Message}).", e);
        }
        using var table = new XlsxRecordTable(openFile(), null, options, fileName);
        return table.Sheets;
    }

    /// <summary>The workbook's sheets in order.</summary>
    public IReadOnlyList<string> Sheets { get; private set; }

    public string SheetName { get; private set; }

    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The header index of the date column, whose plain numbers are serial dates; -1 for none.</summary>
    public int DateColumn { get; set; } = -1;

    /// <summary>
    /// Keeps, for every cell of a row, what a plain number there reads as when its column holds dates: a preview does
    /// not know the date column until someone maps it.
    /// </summary>
    public bool KeepSerialDates { get; set; }

    /// <summary>The current row's cell read as a serial date (see <see cref="KeepSerialDates"/>); null when it is no such number.</summary>
    public string? SerialDate(int index) => index < _serialDates.Length ? _serialDates[index] : null;

    /// <summary>Moves to the workbook's next sheet and reads its header; false after the last sheet.</summary>
    public bool NextSheet()
    {
        try
        {
            if (!_reader.NextResult())
                return false;
            RecordNumber = 0;
            SheetName = _reader.Name;
            Headers = ReadHeader();
            return true;
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new FileRefusedException($"{_fileName}, sheet '{_reader.Name}', is not readable ({e.Message}).", e);
        }
    }

    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException;

    public long RecordNumber { get; private set; }

    public int FieldCount => _values.Length;

    public bool Read()
    {
        while (NextRow())
        {
            if (_blank || _values.All(string.IsNullOrWhiteSpace))
                continue;
            _total = IsTotal(_values);
            return true;
        }
        return false;
    }

    public string Field(int index) => _values[index];

    public bool Carries(int index) => true;

    public bool IsFilled(int index) => !string.IsNullOrWhiteSpace(_values[index]);

    public void AddRecordProblems(List<string> reasons)
    {
        if (_total)
            reasons.Add(RejectReasons.TotalRow);
    }

    /// <summary>The row's cells as one CSV line, as a spreadsheet would save it.</summary>
    public string RawText() => string.Join(',', _values.Select(v =>
        v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));

    public void Dispose()
    {
        _reader?.Dispose();
        _file.Dispose();
    }

    // Every part of a workbook is deflated: its declared sizes bound what reading it can expand to (the archive reader
    // stops an entry at its declared size), so a zip bomb is refused before a byte of it is inflated.
    /// <returns>The sheets the workbook part lists, in order (null without one).</returns>
    private static List<string>? CheckExpansion(Stream file, ReadOptions options, string fileName)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0, strings = 0;
        var sheets = new List<ZipArchiveEntry>();
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
                strings = entry.Length;
            else if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                     && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                sheets.Add(entry);
        }
        if (total > options.MaxDecompressedBytes)
            throw new FileRefusedException(
                $"{fileName} decompresses to more than {options.MaxDecompressedBytes / (1024 * 1024):N0} MB, the limit for one file " +
                "(Ingestion:MaxDecompressedBytes). Nothing was loaded; split it into smaller workbooks or save it as CSV.");
        if (strings > options.MaxSharedStringBytes)
            throw new FileRefusedException(
                $"{fileName} holds more than {options.MaxSharedStringBytes / (1024 * 1024):N0} MB of distinct texts, which are read " +
                "into memory before its rows. Nothing was loaded; save the sheet as CSV and upload that.");
        foreach (var sheet in sheets)
            CheckDimension(sheet, options, fileName);
        return ListedSheets(zip);
    }

    private static System.Xml.XmlReader OpenXml(ZipArchiveEntry entry) => System.Xml.XmlReader.Create(entry.Open(), new System.Xml.XmlReaderSettings
    {
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        XmlResolver = null,
    });

    // A sheet declares the cells it spans before its rows (<dimension ref="A1:D500"/>): one past the row or column limit
    // is refused before a row is read, from the part's first bytes.
    private static void CheckDimension(ZipArchiveEntry sheet, ReadOptions options, string fileName)
    {
        using var xml = OpenXml(sheet);
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element)
                continue;
            if (xml.LocalName == "sheetData")
                return;
            if (xml.LocalName == "dimension" && xml.GetAttribute("ref") is { } range)
            {
                var (row, column) = LastCell(range);
                if (row > options.MaxExcelRows)
                    throw TooManyRows($"{fileName}: a sheet", $"declares cells down to row {row:N0}", options);
                if (column > RecordTables.MaxFields)
                    throw TooManyColumns($"{fileName}: a sheet", $"declares cells across {column:N0} columns");
                return;
            }
        }
    }

    /// <summary>The row and column of a range's last cell ("A1:XFD1048576" → 1,048,576 and 16,384); 0 for what is no cell reference.</summary>
    internal static (long Row, long Column) LastCell(string range)
    {
        var cell = range.AsSpan(range.LastIndexOf(':') + 1).Trim();
        long column = 0, row = 0;
        var i = 0;
        // Past int.MaxValue a reference is past every limit: counting stops there, reading goes on.
        for (; i < cell.Length && char.IsAsciiLetter(cell[i]); i++)
            if (column <= int.MaxValue)
                column = column * 26 + (char.ToUpperInvariant(cell[i]) - 'A' + 1);
        for (; i < cell.Length && char.IsAsciiDigit(cell[i]); i++)
            if (row <= int.MaxValue)
                row = row * 10 + (cell[i] - '0');
        return (row, column);
    }

    private static FileRefusedException TooManyRows(string sheet, string what, ReadOptions options) => new(
        $"{sheet} {what}, past the {options.MaxExcelRows:N0} rows a sheet may use (Ingestion:MaxExcelRows). " +
        "Nothing was loaded; save the data as CSV or remove the stray rows.");

    private static FileRefusedException TooManyColumns(string sheet, string what) => new(
        $"{sheet} {what}, more than the {RecordTables.MaxFields:N0} columns a table of records may have. " +
        "Nothing was loaded; save the data as CSV or remove the stray cells.");

    private static List<string>? ListedSheets(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } entry)
            return null;
        using var xml = OpenXml(entry);
        var names = new List<string>();
        var inSheets = false;
        while (xml.Read())
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "sheets")
                inSheets = true;
            else if (xml.NodeType == System.Xml.XmlNodeType.EndElement && xml.LocalName == "sheets")
                break;
            else if (inSheets && xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name)
                names.Add(name);
        }
        return names;
    }

    private static List<string> SheetNames(IExcelDataReader reader)
    {
        var names = new List<string>();
        do
            names.Add(reader.Name);
        while (reader.NextResult());
        reader.Reset();
        return names;
    }

    /// <returns>The index of the sheet moved to.</returns>
    private int GoToSheet(string? sheet)
    {
        if (sheet is null)
            return 0;
        var index = WorkbookSheets.IndexOf(Sheets, sheet);
        if (index < 0)
            throw WorkbookSheets.Unknown(Sheets, sheet, _fileName);
        for (var i = 0; i < index; i++)
            _reader.NextResult();
        return index;
    }

    private string[] ReadHeader()
    {
        while (NextRow())
            if (!_blank && !_values.All(string.IsNullOrWhiteSpace))
                return _values.Select(v => v.Trim()).ToArray();
        return [];
    }

    private bool NextRow()
    {
        _options.Cancellation.ThrowIfCancellationRequested();
        if (!_reader.Read())
            return false;
        RecordNumber++;
        var count = _reader.FieldCount;
        CheckBounds(count);
        // A row with no cell at all (every row number a sheet skips is one) is passed over without a value read.
        _blank = true;
        for (var i = 0; i < count && _blank; i++)
            _blank = _reader.GetValue(i) is null;
        if (_blank)
            return true;
        if (_values.Length != count)
            _values = new string[count];
        if (KeepSerialDates && _serialDates.Length != count)
            _serialDates = new string?[count];
        long length = 0;
        for (var i = 0; i < count; i++)
        {
            var value = _reader.GetValue(i);
            _values[i] = Text(value, i == DateColumn);
            length += _values[i].Length;
            if (KeepSerialDates)
                _serialDates[i] = SerialDate(value);
        }
        if (length > _maxRecordBytes)
            throw new UnreadableRecordException(
                $"{_fileName}: row {RecordNumber} is longer than {_maxRecordBytes / 1024:N0} KB. Nothing was loaded; fix the row and upload the file again.");
        return true;
    }

    // The reader yields a row for every row number a sheet skips, each as wide as the widest row: its row numbers, its
    // width and the cells walked (blank ones too) bound the work, whatever the file's size.
    private void CheckBounds(int width)
    {
        if (width > RecordTables.MaxFields)
            throw TooManyColumns($"{_fileName}, sheet '{_reader.Name}',", $"spans {width:N0} columns");
        if (_reader.Depth >= _options.MaxExcelRows)
            throw TooManyRows($"{_fileName}, sheet '{_reader.Name}',", $"uses row {_reader.Depth + 1L:N0}", _options);
        _cellsWalked += width;
        if (_cellsWalked > _options.MaxExcelCells)
            throw new FileRefusedException(
                $"{_fileName}, sheet '{_reader.Name}': its rows span more than {_options.MaxExcelCells:N0} cells, blank ones included " +
                "(Ingestion:MaxExcelCells). Nothing was loaded; save the data as CSV or remove the stray rows and columns.");
    }

    private static string Text(object? value, bool dateColumn) => value switch
    {
        null => "",
        string text => text,
        DateTime date => Iso(date),
        double when dateColumn && SerialDate(value) is { } date => date,
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Excel keeps dates as day numbers since 1899-12-30; one whose cell lost its date style is still one.
    private static string? SerialDate(object? value) =>
        value is double serial && serial is >= 1 and < 2958466 ? Iso(DateTime.FromOADate(serial)) : null;

    // Excel's times are fractions of a day; rounding to the second undoes the binary fraction's error.
    private static string Iso(DateTime date) =>
        new DateTime((date.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static readonly string[] TotalLabels = ["total", "totals", "grand total", "sum", "subtotal", "sub total", "total sales"];

    // A total row names itself in its first filled cell ("Total", "Grand total:"), which no sale line does.
    private static bool IsTotal(string[] values)
    {
        var first = values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim().TrimEnd(':').Trim();
        return first is not null && TotalLabels.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
