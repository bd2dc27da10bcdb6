using System.Text;
using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Tests.Core.Ingestion.Pulls;

[Trait("Tier", "unit")]
public sealed class ApiPageReaderTests
{
    private static ApiPage Read(string json, string? path = "data", string cursor = "updated_at") =>
        ApiPageReader.Read(Encoding.UTF8.GetBytes(json), path, cursor);

    [Fact]
    public void Read_recordsUnderAPath_givesEachAsOneCompactLine_withItsCursor_andTheNextLink()
    {
        var page = Read("""
            { "result": { "items": [
                { "id": 7,  "sku": "A-1",
                  "updated_at": "2025-07-01T10:00:00Z" },
                { "id": 8, "sku": "B\n2", "updated_at": "2025-07-01T10:05:00Z" } ] },
              "next": "/v1/sales?cursor=abc" }
            """, "result.items");

        Assert.Equal(["{\"id\":7,\"sku\":\"A-1\",\"updated_at\":\"2025-07-01T10:00:00Z\"}",
            "{\"id\":8,\"sku\":\"B\\n2\",\"updated_at\":\"2025-07-01T10:05:00Z\"}"], page.Records.Select(r => Encoding.UTF8.GetString(r.Json)));
        Assert.Equal(["2025-07-01T10:00:00Z", "2025-07-01T10:05:00Z"], page.Records.Select(r => r.Cursor));
        Assert.Equal("/v1/sales?cursor=abc", page.Next);
    }

    [Fact]
    public void Read_aBareArray_withANumericCursor_andNoNext()
    {
        var page = Read("""[{"id": 41, "qty": 1}, {"id": 1e3, "qty": 2}]""", path: null, cursor: "id");

        Assert.Equal(["41", "1e3"], page.Records.Select(r => r.Cursor));
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData("<html>down</html>", "data", "not valid JSON")]
    [InlineData("""{"items": []}""", "data", "the answer has no 'data': check the records path ('data')")]
    [InlineData("""{"data": {"id": 1}}""", "data", "'data' is an object, not an array of records")]
    [InlineData("""{"data": []}""", null, "the answer is an object, not an array of records: name the records path")]
    [InlineData("""{"data": ["a"]}""", "data", "record 1 is a string, not an object: check the records path")]
    [InlineData("""{"data": [{"updated_at": "x"}, {"sku": "A"}]}""", "data", "record 2 has no value in 'updated_at', the cursor field")]
    [InlineData("""{"data": [{"updated_at": null}]}""", "data", "record 1 has no value in 'updated_at'")]
    [InlineData("""{"data": [{"updated_at": true}]}""", "data", "record 1 has no value in 'updated_at'")]
    public void Read_aPageThatCannotBeTakenWhole_isRefusedSayingWhatToCheck(string json, string? path, string message) =>
        Assert.Contains(message, Assert.Throws<ApiPageException>(() => Read(json, path)).Message);

    [Fact]
    public void Read_nestingPastTheLimit_isRefused_notRecursedInto()
    {
        var deep = """{"data": [{"updated_at": "x", "v": """ + new string('[', 100) + new string(']', 100) + "}]}";

        Assert.Contains("not valid JSON", Assert.Throws<ApiPageException>(() => Read(deep)).Message);
    }
}
