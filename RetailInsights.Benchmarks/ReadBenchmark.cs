using System.Diagnostics;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Benchmarks;

/// <summary>
/// Reads and validates CSV files the way an upload is read (no database): the parsing share of the ingest benchmark.
/// </summary>
public sealed class ReadBenchmark : IBenchmark
{
    public string Name => "read";

    public string Description => "CSV reading and validation alone: FILE_OR_DIR [repeat=3] — prints rows/s of UploadFileReader";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            Console.WriteLine("usage: read FILE_OR_DIR [repeat=3]");
            return Task.FromResult(2);
        }
        var files = Directory.Exists(args[0]) ? Directory.GetFiles(args[0], "*.csv").Order().ToArray() : [args[0]];
        var repeat = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var options = new ReadOptions { Now = DateTime.UtcNow };
        for (var round = 0; round < repeat; round++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long rows = 0, accepted = 0;
            foreach (var file in files)
            {
                var reader = UploadFileReader.Open(() => File.OpenRead(file), Path.GetFileName(file), options);
                foreach (var result in reader.ReadRows(null, cancellationToken))
                {
                    rows++;
                    if (result.Row is not null)
                        accepted++;
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"round {round + 1}: {files.Length} files, {rows:N0} rows ({accepted:N0} accepted) in {seconds:F2} s " +
                $"= {rows / seconds:N0} rows/s, CPU {cpuSeconds:F2} s");
        }
        return Task.FromResult(0);
    }
}
