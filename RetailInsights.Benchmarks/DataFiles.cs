namespace RetailInsights.Benchmarks;

/// <summary>The reference data committed with the tests (RetailInsights.Tests/TestData/reference), read in place.</summary>
internal static class DataFiles
{
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([RepositoryRoot(), "RetailInsights.Tests", "TestData", "reference", .. parts]);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Reference file {string.Join('/', parts)} not found at {path}", path);
        return path;
    }

    // From the binary first (it lives under the checkout), then the working folder (`dotnet run` from anywhere).
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "RetailInsights.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException($"RetailInsights.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }
}
