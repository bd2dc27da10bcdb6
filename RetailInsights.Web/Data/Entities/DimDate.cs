namespace RetailInsights.Web.Data.Entities;

/// <summary>Calendar dimension keyed by yyyymmdd so that facts join and group by day without date arithmetic.</summary>
public sealed class DimDate
{
    public int DateKey { get; set; }
    public DateOnly Date { get; set; }
    public short Year { get; set; }
    public short Quarter { get; set; }
    public short Month { get; set; }
    public short Day { get; set; }
    public short IsoDayOfWeek { get; set; }
    public bool IsWeekend { get; set; }

    public static int KeyOf(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DimDate For(DateOnly date) => new()
    {
        DateKey = KeyOf(date),
        Date = date,
        Year = (short)date.Year,
        Quarter = (short)((date.Month + 2) / 3),
        Month = (short)date.Month,
        Day = (short)date.Day,
        IsoDayOfWeek = (short)(date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek),
        IsWeekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
    };
}
