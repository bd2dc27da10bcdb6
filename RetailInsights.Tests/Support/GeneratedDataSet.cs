using RetailInsights.Core.Generation;
using RetailInsights.Tests.Core.Generation;

namespace RetailInsights.Tests.Support;

/// <summary>A generator run in its own temp folder, read back once; deleted on dispose.</summary>
public class GeneratedDataSet : IDisposable
{
    protected GeneratedDataSet(GeneratorOptions options)
    {
        Options = options;
        Directory = Path.Combine(Path.GetTempPath(), "ri-gen-tests-" + Guid.NewGuid().ToString("N"));
        Summary = new DemoDataGenerator().Generate(options, Directory);
        Transactions = GeneratedFiles.ReadTransactions(Directory);
        Refunds = GeneratedFiles.ReadRefunds(Directory);
    }

    public GeneratorOptions Options { get; }

    public string Directory { get; }

    public GenerationSummary Summary { get; }

    public List<TransactionRow> Transactions { get; }

    public List<RefundRow> Refunds { get; }

    public IEnumerable<TransactionRow> SaleLines => Transactions.Where(t => !t.IsCancellation);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
