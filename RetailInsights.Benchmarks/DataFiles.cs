namespace RetailInsights.Benchmarks;

/// <summary>Finds ../shared/data beside the repository (or RETAILINSIGHTS_SHARED_DATA).</summary>
internal static class DataFiles
{
    public static string Path(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("RETAILINSIGHTS_SHARED_DATA");
        if (string.IsNullOrWhiteSpace(root))
        {
            var dir = new DirectoryInfo(Environment.CurrentDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RetailInsights.sln")))
                dir = dir.Parent;
            root = System.IO.Path.Combine(dir?.FullName ?? Environment.CurrentDirectory, "..", "shared", "data");
        }
        return System.IO.Path.Combine([root, .. parts]);
    }
}
