using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.Users;

/// <summary>
/// Creates users, assigns their role, resets passwords and disables accounts. Every action checks the acting
/// user against the admin policy itself (a page's attribute guards the page, not the circuit's later calls) and
/// is written to the audit log. The last active admin cannot be demoted or disabled.
/// </summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock,
    Npgsql.NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal actor)
    {
        await DemandAdminAsync(actor);
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all)
            result.Add(await SummarizeAsync(user));
        return result;
    }

    /// <summary>The user with this email (in any case), for callers that name users by email, such as commands.</summary>
    public async Task<UserSummary> FindByEmailAsync(ClaimsPrincipal actor, string email)
    {
        await DemandAdminAsync(actor);
        var user = await users.FindByEmailAsync(email.Trim())
            ?? throw new InvalidOperationException($"No user has the email '{email.Trim()}'.");
        return await SummarizeAsync(user);
    }

    /// <returns>The generated password, shown to the admin once.</returns>
    public async Task<string> CreateAsync(ClaimsPrincipal actor, string email, string role, string? password = null)
    {
        await DemandAdminAsync(actor);
        role = KnownRole(role);
        password ??= PasswordGenerator.Generate();
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        (await users.CreateAsync(user, password)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        await audit.RecordAsync(Name(actor), AuditActions.UserCreated, user.Email!, $"role {role}");
        return password;
    }

    public async Task SetRoleAsync(ClaimsPrincipal actor, string userId, string role)
    {
        await DemandAdminAsync(actor);
        role = KnownRole(role);
        var user = await FindAsync(userId);
        await using var admins = await ActiveAdmins.LockAsync(dataSource);
        if (role != Roles.Admin)
            await admins.RefuseLosingLastAsync(user.Id, user.Email ?? user.Id, $"making them {role}");
        var current = await users.GetRolesAsync(user);
        (await users.RemoveFromRolesAsync(user, current)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(Name(actor), AuditActions.UserRoleChanged, user.Email!, $"{string.Join(",", current)} → {role}");
    }

    /// <returns>The new generated password, shown to the admin once.</returns>
    /// <remarks>The reset renews the user's security stamp: their sessions end at their next security check.</remarks>
    public async Task<string> ResetPasswordAsync(ClaimsPrincipal actor, string userId)
    {
        await DemandAdminAsync(actor);
        var user = await FindAsync(userId);
        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        (await users.ResetPasswordAsync(user, token, password)).ThrowIfFailed();
        await users.SetLockoutEndDateAsync(user, user.IsDisabled ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(Name(actor), AuditActions.UserPasswordReset, user.Email!);
        return password;
    }

    public async Task SetDisabledAsync(ClaimsPrincipal actor, string userId, bool disabled)
    {
        await DemandAdminAsync(actor);
        var user = await FindAsync(userId);
        if (disabled && user.Id == users.GetUserId(actor))
            throw new InvalidOperationException("You cannot disable your own account.");
        await using var admins = await ActiveAdmins.LockAsync(dataSource);
        if (disabled)
            await admins.RefuseLosingLastAsync(user.Id, user.Email ?? user.Id, "disabling them");
        (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
        (await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null)).ThrowIfFailed();
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(Name(actor), disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.Email!);
    }

    private async Task DemandAdminAsync(ClaimsPrincipal actor)
    {
        if (!(await authorization.AuthorizeAsync(actor, Policies.Administer)).Succeeded)
            throw new UnauthorizedAccessException("Only admins may manage users.");
    }

    /// <summary>The role as the app spells it, whatever case it was typed in.</summary>
    private static string KnownRole(string role) =>
        Roles.All.FirstOrDefault(known => string.Equals(known, role.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{role}'; choose one of {string.Join(", ", Roles.All)}.");

    private async Task<UserSummary> SummarizeAsync(AppUser user)
    {
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        var locked = !user.IsDisabled && user.LockoutEnd > clock.GetUtcNow();
        return new UserSummary(user.Id, user.Email ?? user.UserName ?? user.Id, role, user.IsDisabled, locked, user.AccessFailedCount);
    }

    private async Task<AppUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("That user no longer exists.");

    private static string Name(ClaimsPrincipal actor) => actor.Identity?.Name ?? "unknown";
}
