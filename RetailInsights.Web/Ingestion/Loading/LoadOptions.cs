namespace RetailInsights.Web.Ingestion.Loading;

/// <summary>The limits of one load (configuration section "Ingestion", beside the intake's settings).</summary>
public sealed class LoadOptions
{
    public const string Section = "Ingestion";

    /// <summary>Above this share of rejected rows a file is refused whole (a wrong file, not a few bad lines).</summary>
    public double MaxRejectedShare { get; set; } = 0.5;
}
