using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Data.Configurations;

/// <summary>Identity names its tables and indexes in PascalCase explicitly; the schema is snake_case throughout.</summary>
internal static class IdentityTableNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.PrefersDarkMode).HasDefaultValue(false);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ux_users_normalized_user_name");
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        });
        builder.Entity<IdentityRole>(b =>
        {
            b.ToTable("roles");
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("ux_roles_normalized_name");
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }
}
