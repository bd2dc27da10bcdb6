namespace RetailInsights.Web.Security;

/// <summary>The three kinds of people who use the app; each role includes what the one before it may do.</summary>
public static class Roles
{
    public const string Marketing = "Marketing";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Marketing, Manager, Admin];
}
