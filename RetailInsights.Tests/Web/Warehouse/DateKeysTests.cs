using System.Globalization;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Warehouse;

namespace RetailInsights.Tests.Web.Warehouse;

/// <summary>The day key read back as its day, for a date and for a time on it.</summary>
[Trait("Tier", "unit")]
public sealed class DateKeysTests
{
    [Theory]
    [InlineData(2025, 1, 1, 20250101)]
    [InlineData(2024, 2, 29, 20240229)]
    [InlineData(1999, 12, 31, 19991231)]
    public void Of_aDay_isItsYyyymmdd_andDayReadsItBack(int year, int month, int day, int key)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(key, DateKeys.Of(date));
        Assert.Equal(key, DateKeys.Of(date.ToDateTime(new TimeOnly(23, 59, 59))));
        Assert.Equal(date, DateKeys.Day(key));
    }
}

/// <summary>The SQL form of the day key is the C# one, so that facts written either way land on the same day.</summary>
[Trait("Tier", "database")]
public sealed class DateKeysSqlTests
{
    [Fact]
    public async Task Sql_ofATimestamp_equalsTheKeyInCSharp_acrossAYear()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var times = Enumerable.Range(0, 366).Select(i => new DateTime(2024, 1, 1, 23, 30, 0).AddDays(i)).ToList();
        var list = string.Join(", ", times.Select(t => $"('{t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'::timestamp)"));

        var keys = await database.TextsAsync($"SELECT {DateKeys.Sql("t")}::text FROM (VALUES {list}) v (t) ORDER BY t");

        Assert.Equal(times.Select(t => DateKeys.Of(t).ToString(CultureInfo.InvariantCulture)), keys);
    }
}
