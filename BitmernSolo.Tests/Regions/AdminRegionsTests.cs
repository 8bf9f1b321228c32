using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Regions;

/// <summary>The admin Regions page of the eu instance: every instance's heartbeat, up or down, and the shared prefix.</summary>
public sealed class AdminRegionsTests(TwoRegionFixture app) : IClassFixture<TwoRegionFixture>
{
    private async Task<string> AdminPageAsync()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, TwoRegionFixture.AdminEmail, TwoRegionFixture.AdminPassword)).Dispose();
        using var response = await client.GetAsync(new Uri("/admin/regions", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // Razor's line breaks between cells and inside sentences are not what the tests are about.
        return Regex.Replace(Regex.Replace(html, @"\s+", " "), @">\s+<", "><");
    }

    private static string Instance(string html, string instanceId)
    {
        var at = html.IndexOf($"data-instance=\"{instanceId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no instance '{instanceId}' on the page");
        var next = html.IndexOf("data-instance=", at + 1, StringComparison.Ordinal);
        return next < 0 ? html[at..] : html[at..next];
    }

    [Fact]
    public async Task TheAdminSeesEveryInstanceWithItsHostStateVersionAndPools()
    {
        var html = await AdminPageAsync();

        var self = Instance(html, TwoRegionFixture.InstanceId);
        Assert.Contains("data-up=\"true\"", self, StringComparison.Ordinal);
        Assert.Contains("this instance", self, StringComparison.Ordinal);
        Assert.Contains("<td>eu.example.net</td>", self, StringComparison.Ordinal);
        Assert.Contains("<td>https://eu.example.net</td>", self, StringComparison.Ordinal);

        var us = Instance(html, "us/host-us");
        Assert.Contains("data-up=\"true\"", us, StringComparison.Ordinal);
        Assert.Contains(">up<", us, StringComparison.Ordinal);
        Assert.Contains("<td>us.example.net</td>", us, StringComparison.Ordinal);
        Assert.Contains("<td>5 s ago (2026-01-15 12:29:55 UTC)</td>", us, StringComparison.Ordinal);
        Assert.Contains("<td>2026-01-15 07:30:00 UTC</td>", us, StringComparison.Ordinal);
        Assert.Contains("<td>1.2.3</td>", us, StringComparison.Ordinal);
        Assert.Contains("<td>btc</td><td>synced</td><td>900102</td><td>4</td><td>3</td><td>1.5 TH/s</td>", us, StringComparison.Ordinal);

        var ap = Instance(html, "ap/host-ap");
        Assert.Contains("data-up=\"false\"", ap, StringComparison.Ordinal);
        Assert.Contains(">down<", ap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedInstancePrefixIsFlaggedOnBothLiveInstancesButNotOnADownOne()
    {
        var html = await AdminPageAsync();

        Assert.Contains("also used by us/host-us", html, StringComparison.Ordinal);
        Assert.Contains("prefix-collision", Instance(html, TwoRegionFixture.InstanceId), StringComparison.Ordinal);
        Assert.Contains("prefix-collision", Instance(html, "us/host-us"), StringComparison.Ordinal);
        Assert.DoesNotContain("prefix-collision", Instance(html, "ap/host-ap"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMinerWithoutTheAdminRoleIsDenied()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.RegisterAsync(client, $"miner-{Guid.NewGuid():N}@example.com", "Correct-Horse-9")).Dispose();

        using var response = await client.GetAsync(new Uri("/admin/regions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/AccessDenied", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyADownInstanceOffersForget()
    {
        var html = await AdminPageAsync();

        Assert.Contains("forget-instance", Instance(html, "ap/host-ap"), StringComparison.Ordinal);
        Assert.DoesNotContain("forget-instance", Instance(html, "us/host-us"), StringComparison.Ordinal);
        Assert.DoesNotContain("forget-instance", Instance(html, TwoRegionFixture.InstanceId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminForgetsADownInstanceAndIsRefusedForALiveOne()
    {
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.RegionHeartbeats.Add(new RegionHeartbeat
            {
                InstanceId = "sa/retired", Region = "sa", StratumHost = "sa.example.net", StartedAt = TwoRegionSeed.Now.AddDays(-40),
                LastSeenAt = TwoRegionSeed.Now.AddDays(-30),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AdminRegionService>();
        var listed = await AdminPageAsync();

        var forgotten = await service.ForgetAsync(Admin, "sa/retired", TestContext.Current.CancellationToken);
        var live = await service.ForgetAsync(Admin, "us/host-us", TestContext.Current.CancellationToken);
        var self = await service.ForgetAsync(Admin, TwoRegionFixture.InstanceId, TestContext.Current.CancellationToken);
        var html = await AdminPageAsync();

        Assert.Contains("data-instance=\"sa/retired\"", listed, StringComparison.Ordinal);
        Assert.True(forgotten.Succeeded, forgotten.Message);
        Assert.DoesNotContain("data-instance=\"sa/retired\"", html, StringComparison.Ordinal);
        Assert.False(live.Succeeded);
        Assert.Equal("us/host-us is up (it wrote a heartbeat within the last 2 h 0 min): stop it first.", live.Message);
        Assert.False(self.Succeeded);
        Assert.Contains("data-instance=\"us/host-us\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-instance=\"{TwoRegionFixture.InstanceId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetIsRefusedToSomeoneWhoIsNotAnAdmin()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AdminRegionService>();
        var miner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "miner@example.com")], "test"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ForgetAsync(miner, "ap/host-ap", TestContext.Current.CancellationToken));
        Assert.Contains("data-instance=\"ap/host-ap\"", await AdminPageAsync(), StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Admin => TestPrincipals.Admin(TwoRegionFixture.AdminEmail);
}
