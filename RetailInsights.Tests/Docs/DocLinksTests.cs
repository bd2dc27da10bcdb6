using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using RetailInsights.Tests.Support;

namespace RetailInsights.Tests.Docs;

/// <summary>
/// The README is what a newcomer reads first and docs/ holds the rest: every relative link between them must lead
/// somewhere (a file that exists, and a heading or anchor that exists when the link names one), and the README stays
/// short enough to read in five minutes.
/// </summary>
[Trait("Tier", "unit")]
public sealed partial class DocLinksTests
{
    private static readonly string Root = Repository.Root();

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocumentationFiles())
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_ofEachPage_leadToFilesAndAnchorsThatExist(string page)
    {
        var broken = BrokenLinks(Path.Combine(Root, page));

        Assert.True(broken.Count == 0, $"{page} has links that lead nowhere:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Readme_isShort_linksEveryDocsPage_andShowsTheOverview()
    {
        var readme = Path.Combine(Root, "README.md");
        var lines = File.ReadAllLines(readme);
        var targets = Links(File.ReadAllText(readme)).Select(l => l.Target.Split('#')[0]).ToHashSet();

        Assert.InRange(lines.Length, 1, 200);
        Assert.Contains("docs/images/overview.png", targets);
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Where(p => Path.GetFileName(p) != "README.md"))
            Assert.Contains("docs/" + Path.GetFileName(page), targets);
        Assert.Contains("./run.sh", lines.Select(l => l.Split('#')[0].Trim()));
        Assert.Contains("./test.sh", lines.Select(l => l.Split('#')[0].Trim()));
    }

    [Fact]
    public void OverviewScreenshot_isA1440By900Png_underHalfAMegabyte()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Root, "docs", "images", "overview.png"));

        Assert.Equal("\x89PNG\r\n\x1a\n", Encoding.Latin1.GetString(bytes, 0, 8));
        Assert.Equal(1440, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length < 512 * 1024, $"overview.png is {bytes.Length:N0} bytes");
    }

    [Fact]
    public void BrokenLinks_missingFileOrAnchor_areReported_codeBlocksAndUrlsAreNot()
    {
        var folder = Directory.CreateTempSubdirectory("doclinks-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "other.md"), "# Other page\n\n## The `import` command, again\n");
            var page = Path.Combine(folder.FullName, "page.md");
            File.WriteAllText(page, """
                # Page
                [fine](other.md) [fine anchor](other.md#the-import-command-again) [here](#page) ![img](other.md)
                [gone](missing.md) [bad anchor](other.md#nowhere) [bad local](#nothing) [web](https://example.com/x.md)
                ```
                [in a code block](nowhere.md)
                ```
                """);

            var broken = BrokenLinks(page);

            Assert.Equal(["missing.md", "other.md#nowhere", "#nothing"], broken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> DocumentationFiles() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order());

    private static List<string> BrokenLinks(string page)
    {
        var folder = Path.GetDirectoryName(page)!;
        var broken = new List<string>();
        foreach (var (_, target) in Links(File.ReadAllText(page)))
        {
            if (SchemePrefix().IsMatch(target))
                continue;
            var hash = target.IndexOf('#');
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
            var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            if (!File.Exists(file) && !Directory.Exists(file))
                broken.Add(target);
            else if (anchor is { Length: > 0 } && (!file.EndsWith(".md", StringComparison.Ordinal) || !Anchors(File.ReadAllText(file)).Contains(anchor)))
                broken.Add(target);
        }
        return broken;
    }

    /// <summary>The [text](target) and ![alt](target) links of a markdown text, outside fenced code blocks.</summary>
    private static List<(string Text, string Target)> Links(string markdown) =>
        Link().Matches(WithoutCodeBlocks(markdown)).Select(m => (m.Groups["text"].Value, m.Groups["target"].Value)).ToList();

    /// <summary>GitHub's heading anchors (lower case, punctuation dropped, spaces as hyphens, repeats numbered) and explicit ids.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutCodeBlocks(markdown)))
        {
            var slug = string.Concat(heading.Groups["title"].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
                unique = $"{slug}-{n}";
        }
        foreach (Match id in ExplicitId().Matches(markdown))
            anchors.Add(id.Groups["id"].Value);
        return anchors;
    }

    private static string WithoutCodeBlocks(string markdown) => CodeBlock().Replace(markdown, "");

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex ExplicitId();

    [GeneratedRegex(@"^(```|~~~).*?^\1[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
