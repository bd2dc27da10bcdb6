namespace RetailInsights.Core.Ingestion;

/// <summary>
/// What the star schema's columns hold. A value beyond them rejects its line (<c>value_out_of_range</c>) instead of
/// failing the whole file at insert time; the database configuration takes its sizes from here.
/// </summary>
public static class FieldLimits
{
    /// <summary>Invoice, stock code, customer, store and refund ids.</summary>
    public const int Code = 64;

    public const int Description = 512;

    /// <summary>Store and retailer names.</summary>
    public const int Name = 256;

    /// <summary>Country, city, region and category.</summary>
    public const int Place = 128;

    /// <summary>Decimals kept of prices and amounts; more are rounded half away from zero, as PostgreSQL rounds.</summary>
    public const int Scale = 3;

    /// <summary>numeric(12,3): unit and base prices.</summary>
    public const int PricePrecision = 12;

    /// <summary>numeric(18,3): line and refund amounts.</summary>
    public const int AmountPrecision = 18;

    public const decimal MaxPrice = 999_999_999.999m;

    public const decimal MaxAmount = 999_999_999_999_999.999m;

    public static decimal Round(decimal value) => Math.Round(value, Scale, MidpointRounding.AwayFromZero);
}
