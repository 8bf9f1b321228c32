using System.Security.Claims;
using BitmernSolo.Web.Components.Account;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>
/// Admin actions check their caller themselves, not only the page that offers them: a service reachable from another
/// component (or a future endpoint) stays closed to non-admins.
/// </summary>
public static class AdminGuard
{
    public static void Demand(ClaimsPrincipal? actor)
    {
        if (actor?.Identity?.IsAuthenticated != true || !actor.IsInRole(AccountExtensions.AdminRole))
        {
            throw new UnauthorizedAccessException("Only an administrator may do this.");
        }
    }
}
