using System.Net;
using System.Security.Claims;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Admin;

/// <summary>The actions behind the admin pages, called as the pages call them: with the signed-in user as the actor.</summary>
public sealed class AdminActionTests(AdminAreaFixture app) : IClassFixture<AdminAreaFixture>
{
    private const string MinerPassword = "Correct-Horse-9";

    [Fact]
    public async Task LockingAUserStopsTheirLoginAndUnlockingRestoresIt()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, miner, email) = await ActorsAsync(scope);
        var users = scope.ServiceProvider.GetRequiredService<AdminUserService>();

        var locked = await users.LockAsync(admin, Id(miner));
        var whileLocked = await LoginRedirectAsync(email);
        var unlocked = await users.UnlockAsync(admin, Id(miner));
        var afterUnlock = await LoginRedirectAsync(email);

        Assert.True(locked.Succeeded, locked.Message);
        Assert.StartsWith("/Account/Lockout", whileLocked, StringComparison.Ordinal);
        Assert.True(unlocked.Succeeded, unlocked.Message);
        Assert.Equal("/", afterUnlock);
    }

    [Fact]
    public async Task GrantingAdminOpensTheAdminAreaAndRevokingClosesIt()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, miner, email) = await ActorsAsync(scope);
        var users = scope.ServiceProvider.GetRequiredService<AdminUserService>();

        Assert.True((await users.GrantAdminAsync(admin, Id(miner))).Succeeded);
        var granted = await AdminStatusAsync(email);
        Assert.True((await users.RevokeAdminAsync(admin, Id(miner))).Succeeded);
        var revoked = await AdminStatusAsync(email);

        Assert.Equal(HttpStatusCode.OK, granted);
        Assert.Equal(HttpStatusCode.Redirect, revoked);
    }

    [Fact]
    public async Task AnAdminCannotLockOrDemoteThemself()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, _, _) = await ActorsAsync(scope);
        var users = scope.ServiceProvider.GetRequiredService<AdminUserService>();

        var revoke = await users.RevokeAdminAsync(admin, Id(admin));
        var lockSelf = await users.LockAsync(admin, Id(admin));

        Assert.False(revoke.Succeeded);
        Assert.False(lockSelf.Succeeded);
        var self = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(Id(admin));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().IsInRoleAsync(self!, AccountExtensions.AdminRole));
    }

    [Fact]
    public async Task UserSearchMatchesPartOfTheEmail()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (_, _, email) = await ActorsAsync(scope);
        var users = scope.ServiceProvider.GetRequiredService<AdminUserService>();

        var (rows, total) = await users.SearchAsync(email[..20], 0, 25, TestContext.Current.CancellationToken);

        Assert.Equal(1, total);
        Assert.Equal(email, Assert.Single(rows).Email);
    }

    [Fact]
    public async Task BanningARangeDropsItsSessionsAndRefusesItUntilLifted()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, _, _) = await ActorsAsync(scope);
        var service = scope.ServiceProvider.GetRequiredService<AdminSessionService>();
        var bans = scope.ServiceProvider.GetRequiredService<IpBanList>();

        // Other tests share the fixture's sessions (one disconnects s3): judge the ban by what it added.
        var disconnectedBefore = app.Sessions.Disconnected.ToList();
        var banned = service.Ban(admin, "198.51.100.0/24", TimeSpan.FromHours(1), "test");
        var droppedByBan = app.Sessions.Disconnected.Except(disconnectedBefore).ToList();
        var listed = service.Bans.Select(b => b.Display).ToList();
        var inRange = bans.IsBanned(IPAddress.Parse("198.51.100.200"));
        var outside = bans.IsBanned(IPAddress.Parse("203.0.113.9"));
        var lifted = service.Lift(admin, "198.51.100.0/24");

        Assert.True(banned.Succeeded, banned.Message);
        Assert.Contains("198.51.100.0/24", listed);
        Assert.True(inRange);
        Assert.False(outside);
        Assert.Contains("s1", droppedByBan);
        Assert.Contains("s2", droppedByBan);
        Assert.DoesNotContain("s3", droppedByBan);
        Assert.True(lifted.Succeeded);
        Assert.False(bans.IsBanned(IPAddress.Parse("198.51.100.200")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-ip")]
    [InlineData("192.0.2.7/24")]
    [InlineData("192.0.2.0/33")]
    public async Task ABanOnSomethingThatIsNotAnAddressOrRangeIsRefused(string input)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, _, _) = await ActorsAsync(scope);

        var result = scope.ServiceProvider.GetRequiredService<AdminSessionService>().Ban(admin, input, TimeSpan.FromHours(1));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task DisconnectingASessionClosesIt()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (admin, _, _) = await ActorsAsync(scope);
        var service = scope.ServiceProvider.GetRequiredService<AdminSessionService>();

        var result = service.Disconnect(admin, "s3");

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(service.Sessions, s => s.Id == "s3");
    }

    [Fact]
    public async Task EveryAdminActionRefusesAMinerAndAnAnonymousCaller()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var (_, miner, _) = await ActorsAsync(scope);
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var users = scope.ServiceProvider.GetRequiredService<AdminUserService>();
        var sessions = scope.ServiceProvider.GetRequiredService<AdminSessionService>();

        foreach (var actor in new[] { miner, anonymous })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.LockAsync(actor, Id(miner)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.UnlockAsync(actor, Id(miner)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.GrantAdminAsync(actor, Id(miner)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.RevokeAdminAsync(actor, Id(miner)));
            Assert.Throws<UnauthorizedAccessException>(() => sessions.Disconnect(actor, "s1"));
            Assert.Throws<UnauthorizedAccessException>(() => sessions.Ban(actor, "192.0.2.1", null));
            Assert.Throws<UnauthorizedAccessException>(() => sessions.Lift(actor, "192.0.2.1"));
        }

        Assert.False(scope.ServiceProvider.GetRequiredService<IpBanList>().IsBanned(IPAddress.Parse("192.0.2.1")));
    }

    /// <summary>The bootstrap admin and a freshly registered miner, as the principals their cookies carry.</summary>
    private async Task<(ClaimsPrincipal Admin, ClaimsPrincipal Miner, string MinerEmail)> ActorsAsync(AsyncServiceScope scope)
    {
        var email = $"miner-{Guid.NewGuid():N}@example.com";
        using (var client = app.Factory.CreateBrowser())
        {
            (await IdentityForms.RegisterAsync(client, email, MinerPassword)).Dispose();
        }

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var admin = await signIn.CreateUserPrincipalAsync((await userManager.FindByEmailAsync(AdminAreaFixture.AdminEmail))!);
        var miner = await signIn.CreateUserPrincipalAsync((await userManager.FindByEmailAsync(email))!);
        return (admin, miner, email);
    }

    private static string Id(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<string> LoginRedirectAsync(string email)
    {
        using var client = app.Factory.CreateBrowser();
        using var response = await IdentityForms.LoginAsync(client, email, MinerPassword);
        return IdentityForms.RedirectPath(response);
    }

    private async Task<HttpStatusCode> AdminStatusAsync(string email)
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, email, MinerPassword)).Dispose();
        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
