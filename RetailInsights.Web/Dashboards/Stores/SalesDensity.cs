namespace RetailInsights.Web.Dashboards.Stores;

/// <summary>
/// Net revenue per square foot of selling space, over the stores whose size is known. A store with no size (or a
/// size of zero) has no such figure; in a total it is left out of both the revenue and the space, and counted in
/// <see cref="StoresWithoutSize"/> so the page can say the figure covers fewer stores.
/// </summary>
public sealed record SalesDensity(decimal? PerSqFt, int StoresWithSize, int StoresWithoutSize)
{
    public static decimal? PerSquareFoot(decimal net, int? sizeSqFt) => sizeSqFt is > 0 ? Math.Round(net / sizeSqFt.Value, 2) : null;

    public static SalesDensity Of(IEnumerable<(decimal Net, int? SizeSqFt)> stores)
    {
        decimal net = 0;
        long space = 0;
        int sized = 0, unsized = 0;
        foreach (var (storeNet, size) in stores)
        {
            if (size is > 0)
            {
                net += storeNet;
                space += size.Value;
                sized++;
            }
            else
                unsized++;
        }
        return new SalesDensity(space > 0 ? Math.Round(net / space, 2) : null, sized, unsized);
    }
}
