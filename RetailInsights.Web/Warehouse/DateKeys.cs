namespace RetailInsights.Web.Warehouse;

/// <summary>
/// The key of a day in the facts, the summaries and <c>dim_date</c>: yyyymmdd as an integer, so that keys sort, group and
/// join as days without date arithmetic. The C# and the SQL here are the only places it is computed.
/// </summary>
public static class DateKeys
{
    public static int Of(DateOnly day) => Of(day.Year, day.Month, day.Day);

    /// <summary>The key of the day a time falls on.</summary>
    public static int Of(DateTime at) => Of(at.Year, at.Month, at.Day);

    public static DateOnly Day(int key) => new(key / 10000, key / 100 % 100, key % 100);

    /// <summary>The same key in SQL, of a date or timestamp expression.</summary>
    public static string Sql(string expression) => $"to_char({expression}, 'YYYYMMDD')::int";

    private static int Of(int year, int month, int day) => year * 10000 + month * 100 + day;
}
