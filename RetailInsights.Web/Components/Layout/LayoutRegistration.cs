namespace RetailInsights.Web.Components.Layout;

public static class LayoutRegistration
{
    /// <summary>What the app's shell reads: the user's look, and the latest upload for the managers' banner.</summary>
    public static IServiceCollection AddLayout(this IServiceCollection services) =>
        services.AddScoped<UserPreferences>().AddScoped<LatestUploadQuery>();
}
