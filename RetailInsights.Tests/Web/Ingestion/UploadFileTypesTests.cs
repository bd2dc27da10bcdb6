using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

[Trait("Tier", "unit")]
public sealed class UploadFileTypesTests
{
    [Theory]
    [InlineData("sales.csv", true)]
    [InlineData("sales.csv.gz", true)]
    [InlineData("events.json", true)]
    [InlineData("events.JSON.gz", true)]
    [InlineData("events.ndjson", true)]
    [InlineData("events.jsonl.gz", true)]
    [InlineData("catalog.xlsx", true)]
    [InlineData("catalog.xlsx.gz", false)]
    [InlineData("notes.docx", false)]
    [InlineData("archive.zip", false)]
    [InlineData("backup.gz", false)]
    public void IsUploadFile_byName_takesTheReadableFormatsOnly(string name, bool expected) =>
        Assert.Equal(expected, UploadFileTypes.IsUploadFile(Path.Combine("inbox", name)));

    [Fact]
    public void Accept_offersEveryFormatThePickerShows() =>
        Assert.Equal(".csv,.txt,.tsv,.json,.ndjson,.jsonl,.xlsx,.gz", UploadFileTypes.Accept);
}
