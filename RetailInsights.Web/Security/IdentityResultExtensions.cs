using Microsoft.AspNetCore.Identity;

namespace RetailInsights.Web.Security;

public static class IdentityResultExtensions
{
    /// <summary>Identity reports failures as values; where a failure means the action did not happen, say why.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string? context = null)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(context + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
