using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace RetailInsights.Tests.Support.Hostile;

/// <summary>
/// Writes a corpus of hostile files — CSV, gzip, JSON, NDJSON and Excel, each broken a different way, plus seeded
/// mutations of good files and a few good files among them — for a test that loads every one and bounds what each
/// may cost. Deterministic: the same seed writes the same files. No two files have the same bytes.
/// </summary>
public sealed class HostileCorpus
{
    private readonly string _folder;
    private readonly Random _random;
    private readonly HashSet<string> _hashes = [];
    private readonly List<string> _paths = [];

    private HostileCorpus(string folder, int seed)
    {
        _folder = folder;
        _random = new Random(seed);
    }

    /// <summary>Bytes a bomb in the corpus expands to: past a load's decompression limit set below it.</summary>
    public const long BombBytes = 96L * 1024 * 1024;

    public const string Header = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country,StoreId";

    /// <returns>The files written, in order.</returns>
    public static IReadOnlyList<string> Write(string folder, int seed = 21)
    {
        Directory.CreateDirectory(folder);
        var corpus = new HostileCorpus(folder, seed);
        corpus.WriteCsv();
        corpus.WriteGzip();
        corpus.WriteJson();
        corpus.WriteNdjson();
        HostileWorkbooks.Write(corpus);
        corpus.WriteWrongTypes();
        return corpus._paths;
    }

    /// <summary>A good sales file of a few lines, different for every <paramref name="variant"/>.</summary>
    public static string GoodCsv(int variant, int lines = 5) => Header + "\n" + string.Concat(Enumerable.Range(0, lines).Select(i =>
        $"H{variant}-{i / 2},P{i % 4},ITEM {i % 4},{1 + i % 3},2025-07-01 {8 + i % 10:00}:{i % 60:00}:00,{1.25 + i % 5},{1000 + i % 7},UK,S{1 + variant % 3}\n"));

    public static string GoodJsonArray(int variant) => "[" + string.Join(",", GoodRecords(variant)) + "]";

    public static string GoodNdjson(int variant) => string.Join("\n", GoodRecords(variant)) + "\n";

    private static IEnumerable<string> GoodRecords(int variant) => Enumerable.Range(0, 5).Select(i =>
        $"{{\"Invoice\":\"J{variant}-{i / 2}\",\"StockCode\":\"P{i}\",\"Quantity\":{1 + i},\"InvoiceDate\":\"2025-07-02 10:{i:00}:00\"," +
        $"\"Price\":{2 + i}.5,\"Customer ID\":\"{2000 + i}\",\"StoreId\":\"S1\"}}");

    internal string Path(string name) => System.IO.Path.Combine(_folder, $"{_paths.Count + 1:000}-{name}");

    internal Random Random => _random;

    /// <summary>Keeps a written file in the corpus, unless its bytes repeat an earlier one's.</summary>
    internal void Keep(string path)
    {
        using (var file = File.OpenRead(path))
            if (!_hashes.Add(Convert.ToHexString(SHA256.HashData(file))))
            {
                file.Close();
                File.Delete(path);
                return;
            }
        _paths.Add(path);
    }

    internal void Bytes(string name, byte[] bytes)
    {
        var path = Path(name);
        File.WriteAllBytes(path, bytes);
        Keep(path);
    }

    internal void Text(string name, string text) => Bytes(name, Encoding.UTF8.GetBytes(text));

    /// <summary>A file written by a writer (large ones, never held whole).</summary>
    internal void Streamed(string name, Action<Stream> write)
    {
        var path = Path(name);
        using (var file = File.Create(path))
            write(file);
        Keep(path);
    }

    internal void Gzip(string name, Action<Stream> write) => Streamed(name, file =>
    {
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        write(gzip);
    });

    internal static byte[] GzipBytes(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal))
            gzip.Write(content);
        return memory.ToArray();
    }

    private const string Breakers = "\",;\n\r{}[]<>&\0\\";

    /// <summary>A copy of <paramref name="good"/> with a few bytes replaced, inserted or cut at seeded places.</summary>
    internal byte[] Mutate(byte[] good)
    {
        var bytes = new List<byte>(good);
        for (var edits = _random.Next(1, 6); edits > 0 && bytes.Count > 1; edits--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(4))
            {
                case 0: bytes[at] = (byte)_random.Next(256); break;
                case 1: bytes.Insert(at, (byte)Breakers[_random.Next(Breakers.Length)]); break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at - 1, _random.Next(1, 64))); break;
                default: bytes.InsertRange(at, Enumerable.Repeat(bytes[at], _random.Next(1, 4096))); break;
            }
        }
        return [.. bytes];
    }

    private static void Repeat(Stream stream, string text, long bytes)
    {
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, Math.Max(1, 65536 / text.Length))));
        for (long written = 0; written < bytes; written += chunk.Length)
            stream.Write(chunk);
    }

    private void WriteCsv()
    {
        for (var i = 0; i < 4; i++)
            Text($"good-{i}.csv", GoodCsv(i));
        Text("long-line.csv", Header + "\n" + new string('x', 1_200_000) + "\n" + GoodCsv(90).Split('\n')[1] + "\n");
        Text("long-header.csv", new string('h', 1_100_000) + "\n1,2,3\n");
        Text("long-last-line-no-newline.csv", GoodCsv(91) + new string('9', 1_500_000));
        Text("unclosed-quote.csv", Header + "\n\"" + string.Concat(Enumerable.Repeat("a,b,c\n", 400_000)));
        Text("quote-storm.csv", Header + "\n" + new string('"', 900_001) + "\n");
        foreach (var columns in new[] { 1025, 5000, 200_000 })
            Text($"wide-header-{columns}.csv", string.Join(",", Enumerable.Range(0, columns).Select(c => $"c{c}")) + "\n1\n");
        Text("wide-row.csv", Header + "\n" + new string(',', 400_000) + "\n");
        Streamed("blank-lines.csv", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\n")); Repeat(s, "\n", 40L * 1024 * 1024); });
        Streamed("blank-lines-cr.csv", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\r")); Repeat(s, "\r", 8L * 1024 * 1024); });
        Text("only-blank-lines.csv", new string('\n', 100_000));
        Text("header-only.csv", Header + "\n");
        Text("header-blank.csv", ",,,,,,,,\n1,2,3,4,5,6,7,8,9\n");
        Text("header-duplicate-names.csv", "Invoice,Invoice,Invoice,StockCode,Quantity,InvoiceDate,Price,StoreId\n1,2,3,P,1,2025-07-01,1,S1\n");
        Text("wrong-columns.csv", Header + "\n" + string.Concat(Enumerable.Repeat("1,2\n", 50_000)));
        Text("extreme-values.csv", Header + "\n" +
            "A1,P1,x,1e400,2025-07-01 10:00:00,1,1,UK,S1\n" +
            "A2,P1,x,99999999999999999999999,2025-07-01 10:00:00,1,1,UK,S1\n" +
            "A3,P1,x,1,99999-01-01,1,1,UK,S1\n" +
            "A4,P1,x,1,0000-00-00 00:00:00,1,1,UK,S1\n" +
            "A5,P1,x,1,2025-07-01 10:00:00,-1e30,1,UK,S1\n" +
            "A6,P1,x,1,2025-07-01 10:00:00,NaN,1,UK,S1\n" +
            "A7,P1,x,1,2025-07-01 10:00:00,Infinity,1,UK,S1\n" +
            $"{new string('I', 100_000)},P1,x,1,2025-07-01 10:00:00,1,1,UK,S1\n" +
            $"A8,{new string('P', 70)},{new string('d', 600_000)},1,2025-07-01 10:00:00,1,1,UK,{new string('S', 300)}\n");
        Text("future-and-ancient.csv", Header + "\nA1,P1,x,1,2999-01-01 10:00:00,1,1,UK,S1\nA2,P1,x,1,0001-01-01 00:00:00,1,1,UK,S1\n");
        Bytes("nul-bytes.csv", [.. Encoding.UTF8.GetBytes(GoodCsv(92)), 0, 0, 0, .. Encoding.UTF8.GetBytes(GoodCsv(93))]);
        Bytes("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(GoodCsv(94))]);
        Bytes("utf32.csv", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(GoodCsv(95))]);
        Bytes("latin1-controls.csv", [.. Encoding.UTF8.GetBytes(Header + "\n"), .. Enumerable.Range(0, 4000).Select(i => (byte)(i % 32 == 10 ? 65 : i % 32))]);
        Text("semicolons-decimal-comma.csv", Header.Replace(',', ';') + "\nA1;P1;x;1;01/07/2025 10:00;1,5;1;UK;S1\nA2;P1;x;1;13/07/2025 10:00;2,5;1;UK;S1\n");
        Text("tabs.csv", Header.Replace(',', '\t') + "\nA1\tP1\tx\t1\t2025-07-01 10:00\t1.5\t1\tUK\tS1\n");
        Text("lone-surrogate-escape.csv", Header + "\nA1,P1,\"\ud7ff\",1,2025-07-01 10:00:00,1,1,UK,S1\n");
        Text("formula-injection.csv", Header + "\n=HYPERLINK(\"http://x\"),P1,@SUM(A1),1,2025-07-01 10:00:00,1,+1,-UK,S1\n");
        for (var seed = 0; seed < 20; seed++)
            Bytes($"random-{seed}.csv", RandomBytes(_random.Next(1, 70_000)));
        var good = Encoding.UTF8.GetBytes(GoodCsv(96, lines: 200));
        for (var i = 0; i < 40; i++)
            Bytes($"mutated-{i}.csv", Mutate(good));
    }

    internal byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private void WriteGzip()
    {
        Bytes("good.csv.gz", GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(10))));
        Gzip("bomb-zeros.csv.gz", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\n")); Repeat(s, "0", BombBytes); });
        Gzip("bomb-blank-lines.csv.gz", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\n")); Repeat(s, "\n", BombBytes); });
        Gzip("bomb-one-line.csv.gz", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\n")); Repeat(s, "x", BombBytes); });
        Gzip("bomb-rows.csv.gz", s => { s.Write(Encoding.UTF8.GetBytes(Header + "\n")); Repeat(s, "A,P,x,1,2025-07-01,1,1,UK,S1\n", BombBytes); });
        Gzip("bomb.json.gz", s => { s.Write("["u8); Repeat(s, " ", BombBytes); });
        Gzip("bomb.ndjson.gz", s => Repeat(s, "{}\n", BombBytes));
        var good = GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(11, lines: 300)));
        foreach (var cut in new[] { 1, 2, 3, 10, 18, 40, 100, 300, good.Length / 2, good.Length - 8, good.Length - 1 })
            Bytes($"truncated-{cut}.csv.gz", good[..Math.Min(cut, good.Length - 1)]);
        for (var i = 0; i < 10; i++)
            Bytes($"random-body-{i}.csv.gz", [0x1F, 0x8B, 8, 0, .. RandomBytes(_random.Next(10, 5000))]);
        Bytes("nested.csv.gz", GzipBytes(GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(12)))));
        Bytes("two-members.csv.gz", [.. GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(13))), .. GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(14)))]);
        Bytes("trailing-garbage.csv.gz", [.. GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(15))), .. RandomBytes(300)]);
        Bytes("good.json.gz", GzipBytes(Encoding.UTF8.GetBytes(GoodJsonArray(16))));
        for (var i = 0; i < 20; i++)
            Bytes($"mutated-{i}.csv.gz", Mutate(good));
    }

    private void WriteJson()
    {
        for (var i = 0; i < 3; i++)
            Text($"good-{i}.json", GoodJsonArray(30 + i));
        Text("deep-arrays.json", new string('[', 200_000));
        Text("deep-objects.json", "[" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)));
        Text("deep-value.json", "[{\"Invoice\":" + new string('[', 5000) + new string(']', 5000) + "}]");
        Text("many-keys.json", "[{" + string.Join(",", Enumerable.Range(0, 5000).Select(k => $"\"k{k}\":1")) + "}]");
        Text("keys-spread-over-records.json", "[" + string.Join(",", Enumerable.Range(0, 1000).Select(r =>
            "{" + string.Join(",", Enumerable.Range(0, 3).Select(k => $"\"k{r * 3 + k}\":1")) + "}")) + "]");
        Text("long-string.json", "[{\"Invoice\":\"" + new string('x', 1_500_000) + "\"}]");
        Text("long-key.json", "[{\"" + new string('k', 1_500_000) + "\":1}]");
        Text("unterminated-array.json", GoodJsonArray(33)[..^1]);
        Text("unterminated-string.json", "[{\"Invoice\":\"abc");
        Text("unterminated-objects.json", "[" + string.Concat(Enumerable.Repeat("{\"Invoice\":1,", 50_000)));
        Text("scalar.json", "[1,2,3,\"x\",null,true]");
        Text("empty-array.json", "[]");
        Text("nested-empty.json", "[[],[[]],{}]");
        Text("empty-objects.json", "[" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "]");
        Text("huge-numbers.json", "[{\"Invoice\":\"A\",\"StockCode\":\"P\",\"Quantity\":1e99999,\"InvoiceDate\":\"2025-07-01\",\"Price\":-0,\"StoreId\":\"S1\"}]");
        Text("nan-literal.json", "[{\"Invoice\":\"A\",\"Quantity\":NaN}]");
        Text("duplicate-keys.json", "[{\"Invoice\":\"A\",\"Invoice\":\"B\",\"StockCode\":\"P\",\"Quantity\":1,\"InvoiceDate\":\"2025-07-01\",\"Price\":1,\"StoreId\":\"S1\"}]");
        Text("escapes.json", "[{\"Invoice\":\"\\u0000\\ud800\",\"StockCode\":\"\\uDFFF\",\"Quantity\":1,\"InvoiceDate\":\"2025-07-01\",\"Price\":1,\"StoreId\":\"S1\"}]");
        Bytes("invalid-utf8.json", [.. "[{\"Invoice\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}]"u8]);
        Text("comments.json", "[/* c */{\"Invoice\":\"A\"} // x\n]");
        Text("trailing-commas.json", "[{\"Invoice\":\"A\",},]");
        Text("bom-then-array.json", "\ufeff" + GoodJsonArray(34));
        Text("object-not-array.json", "{\"rows\":" + GoodJsonArray(35) + "}");
        var good = Encoding.UTF8.GetBytes(GoodJsonArray(36));
        for (var i = 0; i < 25; i++)
            Bytes($"mutated-{i}.json", Mutate(good));
    }

    private void WriteNdjson()
    {
        for (var i = 0; i < 3; i++)
            Text($"good-{i}.ndjson", GoodNdjson(40 + i));
        Streamed("blank-lines.ndjson", s => { s.Write("{}\n"u8); Repeat(s, "\n", 30L * 1024 * 1024); });
        Text("long-line.ndjson", "{\"Invoice\":\"" + new string('x', 1_500_000) + "\"}\n");
        Text("deep-lines.ndjson", string.Concat(Enumerable.Repeat(new string('{', 2000) + "\n", 200)));
        Text("arrays-and-objects.ndjson", "[1]\n{\"a\":1}\n\"x\"\n{\"b\":[1,2]}\n");
        Text("cr-separated.ndjson", string.Join("\r", GoodRecords(44)));
        Text("crlf.ndjson", string.Join("\r\n", GoodRecords(45)));
        Text("many-keys.ndjson", "{" + string.Join(",", Enumerable.Range(0, 3000).Select(k => $"\"k{k}\":1")) + "}\n");
        Text("one-line-many-records.ndjson", string.Concat(GoodRecords(46)));
        var good = Encoding.UTF8.GetBytes(GoodNdjson(47));
        for (var i = 0; i < 25; i++)
            Bytes($"mutated-{i}.ndjson", Mutate(good));
    }

    private void WriteWrongTypes()
    {
        var workbook = System.IO.Path.Combine(_folder, "scratch.xlsx");
        XlsxWriter.Write(workbook, ("Sheet1", new[] { Header.Split(',').Cast<object?>().ToArray() }));
        var xlsx = File.ReadAllBytes(workbook);
        File.Delete(workbook);
        Bytes("workbook-named.csv", xlsx);
        Bytes("workbook-named.json", xlsx);
        Text("csv-named.xlsx", GoodCsv(50));
        Text("csv-named.json", GoodCsv(51));
        Text("json-named.xlsx", GoodJsonArray(52));
        Text("json-named.csv", GoodJsonArray(53));
        Bytes("gzip-named.xlsx", GzipBytes(Encoding.UTF8.GetBytes(GoodCsv(54))));
        Bytes("xlsx-in-gzip.csv.gz", GzipBytes(xlsx));
        Bytes("png-named.csv", [0x89, .. "PNG\r\n\x1a\n"u8, .. RandomBytes(500)]);
        Bytes("pdf-named.csv", [.. "%PDF-1.7\n"u8, .. RandomBytes(500)]);
        Bytes("7z-named.csv", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, .. RandomBytes(300)]);
        foreach (var extension in new[] { ".csv", ".json", ".ndjson", ".xlsx", ".csv.gz" })
            Bytes($"empty{extension}", []);
        using (var memory = new MemoryStream())
        {
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = zip.CreateEntry("sales.csv").Open())
                entry.Write(Encoding.UTF8.GetBytes(GoodCsv(55)));
            Bytes("zip-of-csv.csv", memory.ToArray());
            Bytes("zip-of-csv.xlsx", memory.ToArray());
        }
    }
}
