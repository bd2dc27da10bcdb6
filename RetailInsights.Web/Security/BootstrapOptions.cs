namespace RetailInsights.Web.Security;

/// <summary>The first admin, created at first start. The password comes from the environment or user-secrets.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
