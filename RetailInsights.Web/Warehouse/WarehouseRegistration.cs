namespace RetailInsights.Web.Warehouse;

public static class WarehouseRegistration
{
    /// <summary>The summaries kept beside the facts, and their rebuild (the commands need no more).</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services) => services.AddSingleton<Summaries>();

    /// <summary>For the web app: its pages hear of every change to the data, whichever process made it.</summary>
    public static IServiceCollection AddDataChangeListener(this IServiceCollection services)
    {
        services.AddSingleton<DataChanges>();
        services.AddHostedService(provider => provider.GetRequiredService<DataChanges>());
        return services;
    }
}
