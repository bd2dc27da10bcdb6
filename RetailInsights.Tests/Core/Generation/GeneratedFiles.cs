using System.Globalization;
using CsvHelper;
using RetailInsights.Core.Domain;

namespace RetailInsights.Tests.Core.Generation;

/// <summary>Reads a generated folder back with CsvHelper, independently of the generator's own code.</summary>
public static class GeneratedFiles
{
    public static (IReadOnlyList<string> Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var text = new StreamReader(path);
        using var reader = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true }, false);
        var header = reader.Headers.ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = reader.GetString(i);
            rows.Add(fields);
        }
        return (header, rows);
    }

    public static List<TransactionRow> ReadTransactions(string directory)
    {
        var rows = new List<TransactionRow>();
        foreach (var path in Directory.GetFiles(directory, "transactions_*.csv").Order(StringComparer.Ordinal))
        {
            var fileDate = FileDate(path, "transactions_");
            var (header, fields) = ReadCsv(path);
            Assert.Equal(CsvLayouts.Transactions, header);
            rows.AddRange(fields.Select(f => new TransactionRow(
                f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), Timestamp(f[4]),
                decimal.Parse(f[5], NumberStyles.Number, CultureInfo.InvariantCulture), f[6], f[7], f[8], fileDate)));
        }
        return rows;
    }

    public static List<RefundRow> ReadRefunds(string directory)
    {
        var rows = new List<RefundRow>();
        foreach (var path in Directory.GetFiles(directory, "refunds_*.csv").Order(StringComparer.Ordinal))
        {
            var fileDate = FileDate(path, "refunds_");
            var (header, fields) = ReadCsv(path);
            Assert.Equal(CsvLayouts.Refunds, header);
            rows.AddRange(fields.Select(f => new RefundRow(
                f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture),
                decimal.Parse(f[4], NumberStyles.Number, CultureInfo.InvariantCulture), f[5], Timestamp(f[6]), f[7], f[8], fileDate)));
        }
        return rows;
    }

    public static DateTime Timestamp(string text) =>
        DateTime.ParseExact(text, CsvLayouts.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly FileDate(string path, string prefix) =>
        DateOnly.ParseExact(Path.GetFileNameWithoutExtension(path)[prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
