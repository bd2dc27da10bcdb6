using RetailInsights.Core.Ingestion.Formats;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// The sheets of an Excel workbook: which there are, which one a name or number stands for, and which one a load reads
/// when nobody chose (the first whose header maps, so a cover or notes sheet in front is passed over).
/// </summary>
public static class WorkbookSheets
{
    /// <summary>The workbook's sheets in order; empty when the file is not an Excel workbook.</summary>
    /// <exception cref="FileRefusedException">The file cannot be read (damaged, past the decompression limit, empty).</exception>
    public static IReadOnlyList<string> List(Func<Stream> openStream, string fileName, ReadOptions options)
    {
        var sniffed = FileSniffer.Sniff(openStream, fileName, options.MaxDecompressedBytes);
        if (sniffed.Format != FileFormat.Xlsx)
            return [];
        return XlsxRecordTable.ListSheets(openStream, options, fileName);
    }

    /// <summary>The sheet's name as the workbook spells it, for a name in any case or a 1-based number.</summary>
    /// <exception cref="FileRefusedException">The workbook has no such sheet: the message names the sheets it has.</exception>
    public static string Resolve(IReadOnlyList<string> sheets, string chosen, string fileName) =>
        IndexOf(sheets, chosen) is >= 0 and var index ? sheets[index] : throw Unknown(sheets, chosen, fileName);

    /// <summary>
    /// The sheet a load reads when none is chosen: the first whose header maps (with the options' kind and mapping); null
    /// when none does, with the first sheet's refusal and the sheets. One pass over the headers: the workbook (and its
    /// shared texts) is opened once, whatever its sheets.
    /// </summary>
    /// <exception cref="FileRefusedException">The workbook cannot be read.</exception>
    internal static string? FirstMapped(Stream workbook, string fileName, ReadOptions options, out FileRefusedException? firstRefusal,
        out IReadOnlyList<string> sheets)
    {
        firstRefusal = null;
        using var table = new XlsxRecordTable(workbook, null, options, fileName);
        sheets = table.Sheets;
        do
        {
            try
            {
                HeaderMap.Create(table.Headers, options.Kind, options.Mapping);
                return table.SheetName;
            }
            catch (FileRefusedException e)
            {
                firstRefusal ??= e;
            }
        }
        while (table.NextSheet());
        return null;
    }

    /// <summary>A sheet's index by its name (any case; a name is taken before a number) or its 1-based number; -1 for none.</summary>
    internal static int IndexOf(IReadOnlyList<string> sheets, string chosen)
    {
        var name = chosen.Trim();
        for (var i = 0; i < sheets.Count; i++)
            if (sheets[i].Equals(name, StringComparison.OrdinalIgnoreCase))
                return i;
        return int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
               && number >= 1 && number <= sheets.Count
            ? number - 1
            : -1;
    }

    internal static FileRefusedException Unknown(IReadOnlyList<string> sheets, string chosen, string fileName) => new(
        $"{fileName} has no sheet '{chosen}'. Its sheets: {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
}
