namespace RetailInsights.Tests.Support;

/// <summary>
/// The reference data the tests compare against (public data sets and what arules and R give on them), committed in
/// `TestData/reference/` and copied beside the test assembly, so a fresh clone has everything it needs. The folder's
/// README says where each file came from.
/// </summary>
public static class ReferenceData
{
    public const string Folder = "TestData/reference";

    /// <summary>A file or folder of the copy beside the test assembly; fails naming the folder when it is not there.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([AppContext.BaseDirectory, Folder, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException(
                $"Reference file {string.Join('/', parts)} is not in RetailInsights.Tests/{Folder}: copy it there " +
                "unchanged, with its source in that folder's README and its checksum in SHA256SUMS.", path);
        return path;
    }

    /// <summary>The committed folder in the checkout (not the copy beside the test assembly).</summary>
    public static string SourceFolder() => System.IO.Path.Combine(Repository.Root(), "RetailInsights.Tests", Folder);
}
