using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Security;

/// <summary>Creates the roles, and the first admin from configuration when no admin exists yet.</summary>
public sealed class AdminBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                (await roles.CreateAsync(new IdentityRole(role))).ThrowIfFailed("Bootstrap failed: ");
    }

    public async Task EnsureFirstAdminAsync()
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return;
        var (email, password) = (options.Value.AdminEmail, options.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email))
        {
            logger.LogWarning("No admin exists yet. Set Bootstrap:AdminEmail and Bootstrap__AdminPassword (environment or user-secrets) to create one at start-up.");
            return;
        }
        if (string.IsNullOrWhiteSpace(password))
        {
            logger.LogError("Bootstrap:AdminEmail is {Email} but no Bootstrap:AdminPassword is configured; set it in the environment (Bootstrap__AdminPassword) or user-secrets. No admin was created.", email);
            return;
        }
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
            (await users.CreateAsync(admin, password)).ThrowIfFailed("Bootstrap failed: ");
        }
        (await users.AddToRoleAsync(admin, Roles.Admin)).ThrowIfFailed("Bootstrap failed: ");
        logger.LogInformation("Created the first admin {Email} from configuration.", email);
    }
}
