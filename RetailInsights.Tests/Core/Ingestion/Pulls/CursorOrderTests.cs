using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Tests.Core.Ingestion.Pulls;

[Trait("Tier", "unit")]
public sealed class CursorOrderTests
{
    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("1e3", "999", 1)]
    [InlineData("2025-07-01T09:00:00+02:00", "2025-07-01T08:00:00Z", -1)]
    [InlineData("2025-07-01T08:00:00", "2025-07-01T08:00:00Z", 0)]
    [InlineData("2025-07-01 10:00:00.5", "2025-07-01T10:00:00.25Z", 1)]
    [InlineData("b-2", "b-10", 1)]
    [InlineData("A", "a", -1)]
    public void Compare_numbersAsNumbers_timesAsInstants_restAsText(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(CursorOrder.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(CursorOrder.Compare(b, a)));
    }

    [Fact]
    public void Max_takesTheLaterValue_andNullIsNothingYet()
    {
        Assert.Equal("10", CursorOrder.Max("9", "10"));
        Assert.Equal("9", CursorOrder.Max("9", null));
        Assert.Equal("9", CursorOrder.Max(null, "9"));
        Assert.Null(CursorOrder.Max(null, null));
    }
}
