using Microsoft.AspNetCore.Identity;

namespace RetailInsights.Web.Data.Entities;

/// <summary>A person who signs in. Disabled users are locked out indefinitely, so their history stays intact.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The app bar's dark mode toggle, remembered for the next page and the next sign-in.</summary>
    public bool PrefersDarkMode { get; set; }

    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}
