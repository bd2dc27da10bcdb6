using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Tests.Support;

/// <summary>Users made through the app's own UserManager, for any host of the app.</summary>
public static class TestUsers
{
    public const string Password = "Test-password-42!";

    /// <returns>The new user's email; the password is <see cref="Password"/>.</returns>
    public static async Task<string> CreateAsync(IServiceProvider services, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
