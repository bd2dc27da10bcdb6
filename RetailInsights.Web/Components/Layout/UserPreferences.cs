using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RetailInsights.Web.Data;

namespace RetailInsights.Web.Components.Layout;

/// <summary>
/// How a signed-in person chose the app to look (dark mode), kept on their user row so it follows them to every page,
/// browser and sign-in. Each is one read or write of the row by its key.
/// </summary>
public sealed class UserPreferences(IDbContextFactory<RetailInsightsDbContext> dbFactory)
{
    /// <summary>The signed-in user's id (Identity's cookie carries it), or null for no one.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<bool> PrefersDarkModeAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the choice (the security stamp stays: a look is no reason to end anyone's sessions).</summary>
    public async Task SetDarkModeAsync(string userId, bool dark, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), cancellationToken);
    }
}
