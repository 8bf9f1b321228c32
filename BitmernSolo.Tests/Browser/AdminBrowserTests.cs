using System.Net;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Bans;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Bans;
using BitmernSolo.Web.Data.Regions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static BitmernSolo.Tests.Browser.BrowserSteps;

namespace BitmernSolo.Tests.Browser;

/// <summary>
/// Admin actions whose answer only the live page shows, clicked in real Chromium: a Ban on a full ban list and Forget on a
/// retired region instance end in a message on the page, not in a circuit error.
/// </summary>
public sealed class AdminBrowserTests(AdminBrowserTests.Fixture app) : IClassFixture<AdminBrowserTests.Fixture>
{
    private const string AdminEmail = "browser-admin@example.com";
    private const string AdminPassword = "Browser-Admin-1";

    [Fact]
    public async Task BanningOnAFullBanListSaysSoAndAfterFindingAndLiftingOneTheBanIsTaken()
    {
        Assert.SkipUnless(BrowserAppFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserAppFixture.ChromiumPath}.");
        var page = await LoginAsync();

        await page.GotoAsync("/admin/bans");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".ban-count")).ToHaveTextAsync(
            "10,000 of at most 10,000 bans; the newest 100 are shown, find the others above.");
        await Assertions.Expect(page.Locator(".bans tbody tr")).ToHaveCountAsync(100);
        await page.Locator(".ban-range input").FillAsync("198.51.100.7");
        await page.Locator(".ban-range input").PressAsync("Tab");
        await page.Locator(".ban-add").ClickAsync();
        await Assertions.Expect(page.Locator(".ban-result")).ToHaveTextAsync("The ban list is full (10,000 bans): lift some first.");
        await ScreenshotAsync(page, "admin-bans-full");

        // The circuit lives on: find one of the oldest bans, lift it, and the ban is taken.
        await page.Locator(".ban-filter input").FillAsync("10.0.39.15");
        await Assertions.Expect(page.Locator(".bans tbody tr")).ToHaveCountAsync(1);
        await page.Locator(".bans tbody tr", new() { HasText = "10.0.39.15" }).GetByRole(AriaRole.Button, new() { Name = "Lift" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ban-result")).ToHaveTextAsync("Ban on 10.0.39.15 lifted.");
        await page.Locator(".ban-add").ClickAsync();
        await Assertions.Expect(page.Locator(".ban-result")).ToHaveTextAsync("Banned 198.51.100.7; 0 session(s) dropped.");
    }

    [Fact]
    public async Task ForgettingARetiredInstanceRemovesItFromTheRegionsPage()
    {
        Assert.SkipUnless(BrowserAppFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserAppFixture.ChromiumPath}.");
        var page = await LoginAsync();

        await page.GotoAsync("/admin/regions");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-instance='sa/retired'] .forget-instance").ClickAsync();

        await Assertions.Expect(page.Locator(".forget-result")).ToContainTextAsync("Forgot sa/retired.");
        await Assertions.Expect(page.Locator("[data-instance='sa/retired']")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "admin-regions-forgotten");
    }

    private async Task<IPage> LoginAsync()
    {
        var page = await NewPageAsync(app.Browser!, app.BaseAddress);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("[id='Input.Email']", AdminEmail);
        await page.FillAsync("[id='Input.Password']", AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseAddress.ToString());
        return page;
    }

    /// <summary>
    /// The app on a real Kestrel port with a bootstrap admin, a ban list already holding <see cref="IpBanList.MaxBans"/>
    /// operator bans (in the database, so every sync keeps it full) and a region instance down for a month.
    /// </summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TempDirectory _data = new();
        private IPlaywright? _playwright;

        public Fixture() => Factory = new PoolWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
        });

        public PoolWebFactory Factory { get; }

        public IBrowser? Browser { get; private set; }

        public Uri BaseAddress { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            Factory.StartServer();
            BaseAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            await SeedAsync();
            if (!BrowserAppFixture.ChromiumInstalled)
            {
                return;
            }

            Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
            _playwright = await Playwright.CreateAsync();
            Browser = await BrowserAppFixture.LaunchChromiumAsync(_playwright);
        }

        private async Task SeedAsync()
        {
            var now = DateTimeOffset.UtcNow;
            await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
            {
                db.Bans.AddRange(Enumerable.Range(0, IpBanList.MaxBans).Select(i => new IpBanRecord
                {
                    Network = $"10.{(byte)(i >> 16)}.{(byte)(i >> 8)}.{(byte)i}/32", Region = "", CreatedBy = AdminEmail, CreatedAt = now,
                }));
                db.RegionHeartbeats.Add(new RegionHeartbeat
                {
                    InstanceId = "sa/retired", Region = "sa", StratumHost = "sa.example.net", StartedAt = now.AddDays(-40), LastSeenAt = now.AddDays(-30),
                });
                await db.SaveChangesAsync();
            }

            Assert.True(await Factory.Services.GetRequiredService<BanSync>().SyncAsync(CancellationToken.None));
            Assert.Equal(IpBanList.MaxBans, Factory.Services.GetRequiredService<IpBanList>().List().Count);
        }

        public async ValueTask DisposeAsync()
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }

            _playwright?.Dispose();
            await Factory.DisposeAsync();
            _data.Dispose();
        }
    }
}
