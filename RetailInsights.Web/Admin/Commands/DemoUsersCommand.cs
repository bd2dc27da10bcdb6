using Microsoft.AspNetCore.Identity;
using RetailInsights.Web.Security;
using RetailInsights.Web.Admin.Users;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Web.Admin.Commands;

/// <summary>
/// Development only: one user per role with a freshly generated password, printed so a newcomer can sign in.
/// Run again, it gives the same users new passwords (the old ones were printed to a terminal only).
/// </summary>
public sealed class DemoUsersCommand : ICommand
{
    public static readonly IReadOnlyList<(string Email, string Role)> DemoUsers =
    [
        ("marketing@retailinsights.local", Roles.Marketing),
        ("manager@retailinsights.local", Roles.Manager),
        ("admin@retailinsights.local", Roles.Admin),
    ];

    public string Name => "demo-users";

    public string Summary => "Development only: create one user per role with generated passwords and print them";

    public string Usage => "  (no options; refused outside the Development environment)";

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.RejectUnknown();
        if (!context.IsDevelopment)
        {
            await context.Output.WriteLineAsync("demo-users: refused outside Development; create users on the Users page or set Bootstrap:AdminEmail.");
            return 2;
        }
        await using var db = await context.OpenDatabaseAsync(cancellationToken);
        await using var scope = context.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        await context.Output.WriteLineAsync("Demo users (Development only; new passwords on every run):");
        foreach (var (email, role) in DemoUsers)
        {
            var password = PasswordGenerator.Generate(16);
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
                (await users.CreateAsync(user, password)).ThrowIfFailed();
            }
            else
            {
                (await users.RemovePasswordAsync(user)).ThrowIfFailed();
                (await users.AddPasswordAsync(user, password)).ThrowIfFailed();
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            if (!await users.IsInRoleAsync(user, role))
                (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
            await context.Output.WriteLineAsync($"  {role,-10} {email,-32} {password}");
        }
        return 0;
    }
}
