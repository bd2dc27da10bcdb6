namespace RetailInsights.Web.Data.Entities;

/// <summary>Calendar dimension keyed by yyyymmdd so that facts join and group by day without date arithmetic (the key: Warehouse/DateKeys).</summary>
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
}
