namespace RetailInsights.Core.Ingestion;

/// <summary>How to read a slashed date such as 03/04/2025 when no value in the file proves which part is the day.</summary>
public enum DateOrder
{
    /// <summary>M/d/yyyy, as UCI and US exports write it.</summary>
    MonthFirst,

    /// <summary>dd/MM/yyyy, as Indonesian and European exports write it.</summary>
    DayFirst,
}
