using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace RetailInsights.Tests.Support;

/// <summary>A fresh clone has every reference file the tests read, each with its source, and reads nothing beside it.</summary>
[Trait("Tier", "unit")]
public sealed partial class ReferenceDataTests
{
    private static readonly string[] NotData = ["README.md", "SHA256SUMS", ".gitattributes"];

    [Fact]
    public void Sources_anywhereInTheRepository_neverReadTheSharedFolderBesideIt()
    {
        var offenders = CodeFiles(Repository.Root())
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, number: i + 1)))
            .Where(l => SharedFolder().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Repository.Root(), l.f)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "read from outside the repository:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void SourceFolder_holdsExactlyTheChecksummedFiles_unchanged()
    {
        var sums = Checksums();
        var files = DataFiles();

        Assert.True(sums.Count >= 40, $"SHA256SUMS lists {sums.Count} files");
        Assert.Equal(sums.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        foreach (var (file, expected) in sums)
            Assert.True(expected == Sha256(Path.Combine(ReferenceData.SourceFolder(), file)), $"{file} differs from its checksum");
    }

    [Fact]
    public void SourceFolder_everyFile_isDescribedInTheReadmeAndReadByATestOrBenchmark()
    {
        var readme = File.ReadAllText(Path.Combine(ReferenceData.SourceFolder(), "README.md"));
        var code = string.Concat(new[] { "RetailInsights.Tests", "RetailInsights.Benchmarks" }
            .SelectMany(p => CodeFiles(Path.Combine(Repository.Root(), p))).Select(File.ReadAllText));

        foreach (var file in DataFiles())
        {
            var daily = DailyFile().Match(file);
            Assert.True(readme.Contains(daily.Success ? "`online-retail-sample/daily/YYYY-MM-DD_transactions.csv`" : $"`{file}`"),
                $"README.md does not say where {file} came from");
            var name = daily.Success ? "daily" : Path.GetFileName(file);
            Assert.True(code.Contains($"\"{name}\""), $"no test or benchmark reads {file}: copy only what they read");
        }
    }

    [Fact]
    public void Path_ofEveryChecksummedFile_isTheCopyBesideTheTestAssembly()
    {
        foreach (var file in Checksums().Keys)
        {
            var path = ReferenceData.Path(file.Split('/'));
            Assert.StartsWith(AppContext.BaseDirectory, path);
            Assert.Equal(Checksums()[file], Sha256(path));
        }
    }

    [Fact]
    public void Path_ofAFileThatWasNotCopied_failsNamingTheRepositoryFolder()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ReferenceData.Path("groceries", "groceries_long.csv"));

        Assert.Contains("groceries/groceries_long.csv", error.Message);
        Assert.Contains("RetailInsights.Tests/TestData/reference", error.Message);
    }

    private static Dictionary<string, string> Checksums() =>
        File.ReadLines(Path.Combine(ReferenceData.SourceFolder(), "SHA256SUMS"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1], p => p[0]);

    private static List<string> DataFiles() =>
        Directory.GetFiles(ReferenceData.SourceFolder(), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ReferenceData.SourceFolder(), f).Replace('\\', '/'))
            .Where(f => !NotData.Contains(f))
            .ToList();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    // Code, scripts and settings but this file, whose patterns would match themselves; prose (READMEs) may name the
    // shared folder as where the data came from. Build output, clusters and the data itself are not walked.
    private static IEnumerable<string> CodeFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if ((Path.GetExtension(file) is ".cs" or ".razor" or ".csproj" or ".props" or ".json" or ".sh" or ".yml"
                    || Path.GetFileName(file) == "run")
                && Path.GetFileName(file) != $"{nameof(ReferenceDataTests)}.cs")
                yield return file;
        }
        foreach (var dir in Directory.EnumerateDirectories(folder))
        {
            if (Path.GetFileName(dir) is "bin" or "obj" or ".data" or ".git" or "TestData" or "TestResults")
                continue;
            foreach (var file in CodeFiles(dir))
                yield return file;
        }
    }

    // `shared/data`, `shared\data`, `"shared", "data"` and the old override variable.
    [GeneratedRegex(@"shared(/|\\|""\s*,\s*"")data|SHARED_DATA", RegexOptions.IgnoreCase)]
    private static partial Regex SharedFolder();

    [GeneratedRegex(@"^online-retail-sample/daily/\d{4}-\d{2}-\d{2}_transactions\.csv$")]
    private static partial Regex DailyFile();
}
