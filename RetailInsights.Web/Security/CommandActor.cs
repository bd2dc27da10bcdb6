using System.Security.Claims;
using RetailInsights.Web.Security;

namespace RetailInsights.Web.Security;

/// <summary>
/// Who the user and key commands act as. Whoever can run the app binary against its database can already change
/// anything an admin can, so the command acts with the admin role, and the audit log names the command and the
/// operating-system user who ran it, as the other commands' entries do.
/// </summary>
internal static class CommandActor
{
    public static string Name(string command) => $"{command} command ({Environment.UserName})";

    public static ClaimsPrincipal Admin(string command) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name(command)), new Claim(ClaimTypes.Role, Roles.Admin)], authenticationType: "command"));
}
