namespace RetailInsights.Web.Quality;

public static class QualityRegistration
{
    /// <summary>The data-quality page's queries (the report itself is built by the load).</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services) => services.AddScoped<QualityQueries>();
}
