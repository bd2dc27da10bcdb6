using System.Diagnostics;
using System.Globalization;
using RetailInsights.Core.Generation;

namespace RetailInsights.Benchmarks;

/// <summary>Generates about N transaction lines (default 1,000,000) over 60 days into a temp folder and reports lines/s.</summary>
/// <remarks>Arguments: <c>[lines] [days=60] [seed=42] [keep]</c>; <c>keep</c> leaves the files for inspection.</remarks>
public sealed class GeneratorBenchmark : IBenchmark
{
    // Lines per invoice the generator averages with its default shares (measured: about 4.6).
    private const double LinesPerInvoice = 4.6;

    public string Name => "generate";

    public string Description => "demo data generator: [lines=1000000] [days=60] [seed=42] [keep] — writes ~N transaction lines, prints lines/s";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var targetLines = args.Length > 0 && char.IsAsciiDigit(args[0][0]) ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000L;
        var days = NamedArgument(args, "days", 60);
        var keep = args.Contains("keep");
        var invoicesPerDay = (int)Math.Max(1, Math.Round(targetLines / (days * LinesPerInvoice)));
        var options = new GeneratorOptions
        {
            EndDate = new DateOnly(2025, 12, 31),
            Days = days,
            Seed = NamedArgument(args, "seed", 42),
            InvoicesPerDay = invoicesPerDay,
            Customers = invoicesPerDay * 4,
        };
        var directory = Path.Combine(Path.GetTempPath(), "retailinsights-generate-" + Environment.ProcessId);

        try
        {
            var clock = Stopwatch.StartNew();
            var summary = new DemoDataGenerator().Generate(options, directory, cancellationToken);
            clock.Stop();
            var bytes = summary.Files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"days={days} seed={options.Seed} invoices/day={invoicesPerDay} customers={options.Customers}");
            Console.WriteLine($"files={summary.FileCount} invoices={summary.Invoices:N0} lines={summary.Lines:N0} " +
                $"refunds={summary.Refunds:N0} cancellations={summary.Cancellations:N0} buyers={summary.Customers:N0} " +
                $"size={bytes / 1048576.0:F1} MB");
            Console.WriteLine($"elapsed={clock.Elapsed.TotalSeconds:F2} s  {summary.Lines / clock.Elapsed.TotalSeconds:N0} lines/s " +
                $"(peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB)");
            if (keep)
                Console.WriteLine($"kept in {directory}");
            return Task.FromResult(0);
        }
        finally
        {
            if (!keep && Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static int NamedArgument(string[] args, string name, int fallback)
    {
        var prefix = name + "=";
        var value = args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal));
        return value is null ? fallback : int.Parse(value[prefix.Length..], CultureInfo.InvariantCulture);
    }
}
