using Microsoft.AspNetCore.Identity;

namespace RetailInsights.Web.Data.Entities;

/// <summary>A person who signs in. Disabled users are locked out indefinitely, so their history stays intact.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}
