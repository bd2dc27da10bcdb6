namespace RetailInsights.Tests.Support;

/// <summary>The checkout the tests were built from: the folder above the test assembly that holds the solution.</summary>
public static class Repository
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RetailInsights.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException($"RetailInsights.sln not found above {AppContext.BaseDirectory}");
    }
}
