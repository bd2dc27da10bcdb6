using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RetailInsights.Web.Security;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form post (with antiforgery), so a link in a mail cannot sign anyone out.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SecurityRegistration.SignInPath);
        });
}
