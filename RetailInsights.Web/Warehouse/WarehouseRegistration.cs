namespace RetailInsights.Web.Warehouse;

public static class WarehouseRegistration
{
    /// <summary>The summaries kept beside the facts, and their rebuild.</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services) => services.AddSingleton<Summaries>();
}
