namespace RetailInsights.Web.Data.Entities;

/// <summary>
/// One sold line of an invoice. Returns never land here: they become <see cref="Refund"/> rows. The ids refer to the
/// dimension tables without navigations, because the database does not enforce them (see the configuration). Its key
/// is the line's natural key: retailer, invoice, product, time, quantity, unit price and occurrence.
/// </summary>
public sealed class FactSale
{
    public required string Invoice { get; set; }
    public int ProductId { get; set; }
    public int DateKey { get; set; }
    public int? CustomerId { get; set; }
    public int StoreId { get; set; }
    public int RetailerId { get; set; }
    public long UploadId { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineAmount { get; set; }
    public DateTime InvoicedAt { get; set; }
    /// <summary>
    /// 1 for the first line of a file with these exact values, 2 for its twin, and so on: a till that scans an item
    /// twice sells it twice, while the same line arriving again in an overlapping file is a duplicate.
    /// </summary>
    public int LineOccurrence { get; set; } = 1;

    public bool IsNonProduct { get; set; }
    public bool IsZeroPrice { get; set; }
}
