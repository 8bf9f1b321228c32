using System.Security.Claims;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>One account as the Users page lists it.</summary>
public sealed record AdminUserRow(string Id, string? Email, bool EmailConfirmed, bool IsAdmin, DateTimeOffset? LockoutEnd, int AccessFailedCount);

/// <summary>Users for administrators: search, lock/unlock, grant/revoke Admin — all through <see cref="UserManager{TUser}"/>.</summary>
public sealed class AdminUserService(UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<(IReadOnlyList<AdminUserRow> Rows, int Total)> SearchAsync(string? term, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = users.Users;
        if (!string.IsNullOrWhiteSpace(term))
        {
            var pattern = "%" + term.Trim().ToUpperInvariant() + "%";
            query = query.Where(u => u.NormalizedEmail != null && EF.Functions.Like(u.NormalizedEmail, pattern));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await query.OrderBy(u => u.NormalizedEmail).Skip(skip).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
        var admins = (await users.GetUsersInRoleAsync(AccountExtensions.AdminRole).ConfigureAwait(false)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        return ([.. page.Select(u => new AdminUserRow(u.Id, u.Email, u.EmailConfirmed, admins.Contains(u.Id), u.LockoutEnd, u.AccessFailedCount))], total);
    }

    public bool IsLocked(AdminUserRow row) => row?.LockoutEnd is { } end && end > time.GetUtcNow();

    /// <summary>Locks until unlocked (an administrator cannot lock their own account).</summary>
    public async Task<AdminActionResult> LockAsync(ClaimsPrincipal actor, string userId)
    {
        AdminGuard.Demand(actor);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return AdminActionResult.Refused("No such user.");
        }

        if (IsSelf(actor, user))
        {
            return AdminActionResult.Refused("You cannot lock your own account.");
        }

        await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false);
        // A new security stamp ends the user's existing sessions at their next validation.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return Outcome(result, $"{user.Email} locked.");
    }

    public async Task<AdminActionResult> UnlockAsync(ClaimsPrincipal actor, string userId)
    {
        AdminGuard.Demand(actor);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return AdminActionResult.Refused("No such user.");
        }

        var result = await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        return Outcome(result, $"{user.Email} unlocked.");
    }

    public async Task<AdminActionResult> GrantAdminAsync(ClaimsPrincipal actor, string userId)
    {
        AdminGuard.Demand(actor);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return AdminActionResult.Refused("No such user.");
        }

        if (await users.IsInRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false))
        {
            return AdminActionResult.Done($"{user.Email} is already an administrator.");
        }

        return Outcome(await users.AddToRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false), $"{user.Email} is now an administrator.");
    }

    /// <summary>Revokes Admin; never one's own, so at least the acting administrator remains.</summary>
    public async Task<AdminActionResult> RevokeAdminAsync(ClaimsPrincipal actor, string userId)
    {
        AdminGuard.Demand(actor);
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return AdminActionResult.Refused("No such user.");
        }

        if (IsSelf(actor, user))
        {
            return AdminActionResult.Refused("You cannot revoke your own administrator role.");
        }

        if (!await users.IsInRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false))
        {
            return AdminActionResult.Done($"{user.Email} is not an administrator.");
        }

        var result = await users.RemoveFromRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return Outcome(result, $"{user.Email} is no longer an administrator.");
    }

    private bool IsSelf(ClaimsPrincipal actor, ApplicationUser user) => string.Equals(users.GetUserId(actor), user.Id, StringComparison.Ordinal);

    private static AdminActionResult Outcome(IdentityResult result, string success) =>
        result.Succeeded ? AdminActionResult.Done(success) : AdminActionResult.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
}
