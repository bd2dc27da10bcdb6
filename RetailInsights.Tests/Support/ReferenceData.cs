namespace RetailInsights.Tests.Support;

/// <summary>
/// Locates the shared reference data (`../shared/data/` beside the repository root), which tests read
/// in place and never copy. `RETAILINSIGHTS_SHARED_DATA` overrides the location.
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RetailInsights.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException($"RetailInsights.sln not found above {AppContext.BaseDirectory}");
    }

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RETAILINSIGHTS_SHARED_DATA");
        var root = string.IsNullOrWhiteSpace(fromEnvironment)
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "data"))
            : fromEnvironment;
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException(
                $"Reference data not found at {root}; set RETAILINSIGHTS_SHARED_DATA to the shared/data folder.");
        return root;
    }
}
