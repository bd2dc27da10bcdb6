using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using MiniExcelLibs;
using RetailInsights.Tests.Support;

namespace RetailInsights.Benchmarks;

/// <summary>
/// The Excel readers the package source serves, each reading every cell of one generated sheet of sales lines in a
/// process of its own, so each peak working set is that reader's alone. The choice for the upload pipeline came from it.
/// ClosedXML, the fourth candidate, is not here: its only served version (0.95.4) fails to start beside OpenXml 3.3.0
/// ("invalid program"); measured alone with OpenXml 2.20 it loads the whole workbook (1.4 GB peak on 500,000 rows).
/// </summary>
public sealed class ExcelBenchmark : IBenchmark
{
    private static readonly string[] Candidates = ["baseline", "ExcelDataReader", "MiniExcel", "OpenXmlSax", "pipeline"];

    public string Name => "excel";

    public string Description => "xlsx readers on a generated sheet: [rows=500000] [candidate…] — seconds and peak MB of each, one process each";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args is ["--one", var one, var file])
            return ReadOne(one, file);
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var chosen = args.Length > 1 ? args[1..] : Candidates;
        var path = Path.Combine(Path.GetTempPath(), "ri-bench-excel", $"sales-{rows}.xlsx");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var clock = Stopwatch.StartNew();
            XlsxWriter.Write(path + ".tmp", ("Sales", SalesRows(rows)));
            File.Move(path + ".tmp", path);
            Console.WriteLine($"wrote {path}: {rows:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024:F1} MB, in {clock.Elapsed.TotalSeconds:F1} s");
        }
        Console.WriteLine($"{"reader",-16} {"seconds",8} {"CPU s",8} {"peak MB",8} {"rows",10}");
        foreach (var candidate in chosen)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!, ["excel", "--one", candidate, path]) { RedirectStandardOutput = true };
            // A reader that would take the whole shared machine fails at 4 GB of heap instead.
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x100000000";
            using var child = Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
            await child.WaitForExitAsync(cancellationToken);
            Console.WriteLine(child.ExitCode == 0 ? output.TrimEnd() : $"{candidate,-16} failed (exit {child.ExitCode}): {output.Trim()}");
        }
        return 0;
    }

    private static int ReadOne(string candidate, string path)
    {
        var clock = Stopwatch.StartNew();
        long rows;
        try
        {
            rows = candidate switch
            {
                "baseline" => 0,
                "ExcelDataReader" => ReadWithExcelDataReader(path),
                "MiniExcel" => ReadWithMiniExcel(path),
                "OpenXmlSax" => ReadWithOpenXmlSax(path),
                "pipeline" => ReadWithPipeline(path),
                _ => throw new ArgumentException($"unknown reader {candidate}; one of {string.Join(", ", Candidates)}"),
            };
        }
        catch (OutOfMemoryException)
        {
            Console.WriteLine($"out of memory after {clock.Elapsed.TotalSeconds:F1} s (heap limit 4 GB)");
            return 1;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / 1024.0 / 1024;
        // CPU seconds tell readers apart on a shared machine, where the wall clock mostly measures the neighbours.
        Console.WriteLine($"{candidate,-16} {seconds,8:F2} {process.TotalProcessorTime.TotalSeconds,8:F2} {peak,8:F0} {rows,10:N0}");
        return 0;
    }

    private static long ReadWithExcelDataReader(string path)
    {
        // Its configuration asks for code page 1252 even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        long rows = 0, cells = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetValue(i) is not null)
                    cells++;
        }
        return cells > 0 ? rows : 0;
    }

    private static long ReadWithMiniExcel(string path)
    {
        long rows = 0, cells = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path))
        {
            rows++;
            foreach (var value in row.Values)
                if (value is not null)
                    cells++;
        }
        return cells > 0 ? rows : 0;
    }

    // The SDK's streaming reader; shared strings are read first (every reader holds them), then the sheet cell by cell.
    private static long ReadWithOpenXmlSax(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = new List<string>();
        if (workbook.SharedStringTablePart is { } sharedPart)
        {
            using var strings = OpenXmlReader.Create(sharedPart);
            while (strings.Read())
                if (strings.ElementType == typeof(SharedStringItem) && strings.IsStartElement)
                    shared.Add(((SharedStringItem)strings.LoadCurrentElement()!).InnerText);
        }
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        using var reader = OpenXmlReader.Create(sheet);
        long rows = 0, cells = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                rows++;
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var text = cell.CellValue?.Text;
                var value = cell.DataType?.Value == CellValues.SharedString && text is not null ? shared[int.Parse(text, CultureInfo.InvariantCulture)] : text;
                if (value is not null)
                    cells++;
            }
        }
        return cells > 0 ? rows : 0;
    }

    // The upload pipeline's own reading and validation of the sheet, for the whole cost of an Excel upload's read.
    private static long ReadWithPipeline(string path)
    {
        var reader = RetailInsights.Core.Ingestion.UploadFileReader.Open(() => File.OpenRead(path), Path.GetFileName(path),
            new RetailInsights.Core.Ingestion.ReadOptions { Now = DateTime.UtcNow });
        long rows = 0;
        foreach (var result in reader.ReadRows())
            if (result.Row is not null)
                rows++;
        return rows;
    }

    private static IEnumerable<object?[]> SalesRows(int count)
    {
        yield return ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country", "StoreId"];
        var random = new Random(42);
        var start = new DateTime(2025, 1, 1, 8, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var product = random.Next(4000);
            var invoice = 500_000 + i / 20;
            yield return
            [
                i % 50 == 0 ? $"C{invoice}" : invoice, $"P{product:00000}", $"PRODUCT NUMBER {product}", 1 + random.Next(12),
                start.AddMinutes(i / 20 * 3), Math.Round(0.5 + product % 300 / 10.0, 2), 12_000 + random.Next(6000),
                product % 10 == 0 ? "France" : "United Kingdom", $"S{1 + product % 5}",
            ];
        }
    }
}
