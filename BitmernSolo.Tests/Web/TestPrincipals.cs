using System.Security.Claims;
using BitmernSolo.Web.Components.Account;

namespace BitmernSolo.Tests.Web;

/// <summary>Callers for the admin services' own checks, as the pages pass them (the signed-in user's principal).</summary>
internal static class TestPrincipals
{
    /// <summary>A signed-in user in the Admin role.</summary>
    public static ClaimsPrincipal Admin(string email = "root@example.com") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, AccountExtensions.AdminRole)], "test"));
}
