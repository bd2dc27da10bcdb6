using Microsoft.Extensions.Configuration;
using RetailInsights.Web.Composition;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Infrastructure.Commands;

[Trait("Tier", "unit")]
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_listsEveryCommand(string helpWord)
    {
        var output = new StringWriter();
        var exit = await CommandLine.RunAsync([helpWord], output, output);

        Assert.Equal(0, exit);
        foreach (var name in new[] { "generate", "migrate", "demo" })
            Assert.Contains($"  {name}", output.ToString());
        Assert.Equal(CommandLine.Commands.Count, CommandLine.Commands.Count(c => output.ToString().Contains("  " + c.Name)));
    }

    [Fact]
    public async Task UnknownCommand_exits2AndShowsHelp()
    {
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(["frobnicate"], new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown command 'frobnicate'", error.ToString());
        Assert.Contains("Commands:", error.ToString());
    }

    [Theory]
    [InlineData("generate", "--out", "x")]
    [InlineData("generate", "--days", "many", "--out", "x")]
    [InlineData("migrate", "--bogus", "1")]
    public async Task BadArguments_exit2WithTheReason(params string[] args)
    {
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith(args[0] + ": ", error.ToString());
    }

    [Fact]
    public async Task Migrate_unreachableDatabase_printsOneLineThatSaysWhatToRun()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetailInsights"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=3",
        }).Build();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["migrate"], new StringWriter(), error, configuration);

        Assert.Equal(2, exit);
        var lines = error.ToString().TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains("Cannot reach PostgreSQL at 127.0.0.1:1", lines[0]);
        Assert.Contains("scripts/pg.sh start", lines[0]);
    }

    [Fact]
    public async Task Migrate_missingConnectionString_saysWhichSettingToSet()
    {
        var configuration = new ConfigurationBuilder().Build();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["migrate"], new StringWriter(), error, configuration);

        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings__RetailInsights", error.ToString());
    }
}
