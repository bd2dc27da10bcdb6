using System.Security.Claims;
using RetailInsights.Web.Security;

namespace RetailInsights.Tests.Support;

/// <summary>Who acts, as the admin services see a signed-in user: a name and a role (and no account behind it).</summary>
public static class TestPrincipals
{
    public static ClaimsPrincipal Admin(string name) => WithRole(name, Roles.Admin);

    public static ClaimsPrincipal WithRole(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
