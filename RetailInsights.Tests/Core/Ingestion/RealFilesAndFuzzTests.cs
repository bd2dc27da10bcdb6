using System.Text;
using RetailInsights.Core.Generation;
using RetailInsights.Core.Ingestion;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Core.Ingestion;

[Trait("Tier", "unit")]
public sealed class RealFilesAndFuzzTests : IDisposable
{
    private readonly FileFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void OnlineRetailSample_allDailyFilesRead_onlyBadDebtAdjustmentsRejected()
    {
        var files = Directory.GetFiles(ReferenceData.Path("online-retail-sample", "daily"), "*.csv");
        long read = 0, accepted = 0;
        var rejected = new List<RejectedLine>();
        foreach (var file in files)
        {
            var (reader, results) = FileFixture.Read(file, new ReadOptions { Now = new DateTime(2025, 7, 24), DefaultStoreCode = "ONLINE" });
            read += reader.Statistics.RowsRead;
            accepted += reader.Statistics.RowsAccepted;
            rejected.AddRange(results.Where(r => r.Rejected is not null).Select(r => r.Rejected!));
        }

        Assert.Equal(28, files.Length);
        Assert.Equal(52_304, read);
        Assert.Equal(read, accepted + rejected.Count);
        Assert.All(rejected, r =>
        {
            Assert.Equal([RejectReasons.NegativePrice], r.Reasons);
            Assert.StartsWith("A", r.RawText);
        });
    }

    [Fact]
    public void RandomlyDamagedFiles_neverThrowUnexpectedly_andEveryRowIsAccountedFor()
    {
        var generated = Path.Combine(Path.GetTempPath(), "ri-fuzz-" + Guid.NewGuid().ToString("N"));
        new DemoDataGenerator().Generate(new GeneratorOptions { Days = 1, EndDate = new DateOnly(2025, 7, 1), InvoicesPerDay = 40 }, generated);
        var valid = File.ReadAllBytes(Directory.GetFiles(generated, "transactions_*.csv").Single());
        Directory.Delete(generated, recursive: true);
        var random = new Random(20251123);
        var refused = 0;

        for (var run = 0; run < 600; run++)
        {
            var damaged = Damage(valid, random);
            var path = _files.WriteBytes($"fuzz-{run}.csv", damaged);
            try
            {
                var (reader, results) = FileFixture.Read(path, new ReadOptions { Now = FileFixture.Now, MaxRecordBytes = 16 * 1024 });
                var stats = reader.Statistics;
                Assert.Equal(stats.RowsRead, stats.RowsAccepted + stats.RowsRejected);
                Assert.Equal(results.Count, stats.RowsRead);
                Assert.All(results, r => Assert.True(r.Row is not null ^ r.Rejected is not null));
            }
            catch (FileRefusedException e)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
            File.Delete(path);
        }
        Assert.True(refused < 600, "some damaged files must still be readable");
    }

    private static byte[] Damage(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        var edits = 1 + random.Next(8);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, bytes[at]); break;
                case 2: bytes[at] = (byte)",;\"\n\t|"[random.Next(6)]; break;
                case 3: bytes.Insert(at, (byte)'"'); break;
                case 4: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(200))); break;
                case 5: bytes.Insert(at, (byte)random.Next(256)); break;
                case 6: bytes.InsertRange(at, Encoding.UTF8.GetBytes("\n-1,,x,1e9,2099-01-01,NaN\n")); break;
                case 7: (bytes[at], bytes[random.Next(bytes.Count)]) = (bytes[random.Next(bytes.Count)], bytes[at]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return bytes.ToArray();
    }
}
