using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.DemoData;

public sealed record DemoFile(string Path, string Kind);

/// <summary>Finds the generator's files by name, dimensions first so that facts find their stores and products.</summary>
public static class DemoFiles
{
    public static IReadOnlyList<DemoFile> InLoadOrder(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"No demo data folder at {directory}");
        var files = new List<DemoFile>();
        void Add(string pattern, string kind) => files.AddRange(
            Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal).Select(p => new DemoFile(p, kind)));
        Add("store_locations.csv", UploadKinds.StoreLocations);
        Add("product_catalog.csv", UploadKinds.ProductCatalog);
        Add("transactions_*.csv", UploadKinds.Transactions);
        Add("refunds_*.csv", UploadKinds.Refunds);
        if (!files.Any(f => f.Kind == UploadKinds.Transactions))
            throw new FileNotFoundException($"No transactions_*.csv files in {directory}");
        return files;
    }
}
