using BitmernSolo.Tests.Pages;
using BitmernSolo.Web.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static BitmernSolo.Tests.Browser.BrowserSteps;

namespace BitmernSolo.Tests.Browser;

/// <summary>
/// A miner's first visit in real Chromium: register, save a regtest Litecoin address, get miner settings, watch the
/// dashboard. Until the stratum integration lands, the worker's shares are seeded rows (see <see cref="DemoData"/>).
/// </summary>
public sealed class MinerJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string LtcAddress = DemoData.Address;
    private const string BtcAddress = "bcrt1qdavt4j2sd7dlhqsavtnfxvzppw6k7qy97tmnu9";

    /// <summary>What the browser does when the user switches tabs, without a second tab.</summary>
    private static async Task SetTabVisibilityAsync(IPage page, string state) =>
        await page.EvaluateAsync($"() => {{ Object.defineProperty(document, 'visibilityState', {{ configurable: true, get: () => '{state}' }}); document.dispatchEvent(new Event('visibilitychange')); }}");

    [Fact]
    public async Task ANewMinerRegistersSavesAnAddressGetsSettingsAndSeesTheirWorkerCharted()
    {
        Assert.SkipUnless(BrowserAppFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserAppFixture.ChromiumPath}.");
        var page = await NewPageAsync(app.Browser!, app.BaseAddress);

        await RegisterAsync(page, app.BaseAddress);
        await ScreenshotAsync(page, "home");

        // A wrong-network address is refused with the parser's reason; the regtest ones are saved.
        await page.GotoAsync("/wallets");
        await WaitForCircuitAsync(page);
        await page.FillAsync("#wallet-address", "ltc1qfuhy9r49vd9gwsg4h2gklkx0mapw3q8vn8zsv4");
        await page.Locator(".add-wallet-button").ClickAsync();
        await Assertions.Expect(page.Locator(".address-error")).ToContainTextAsync("Litecoin mainnet");
        await AddWalletAsync(page, "Litecoin regtest", LtcAddress);
        await AddWalletAsync(page, "Bitcoin regtest", BtcAddress);
        await ScreenshotAsync(page, "wallets");

        // BitAxe on Bitcoin: bare host, port apart, the saved address as user.
        await page.GotoAsync("/config?pool=btc&brand=BitAxe");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".config-field[data-label='Stratum Host'] .config-value")).ToHaveTextAsync("solo.example.net");
        await Assertions.Expect(page.Locator(".config-field[data-label='Stratum Port'] .config-value")).ToHaveTextAsync("3333");
        await Assertions.Expect(page.Locator(".config-field[data-label='Stratum User'] .config-value")).ToHaveTextAsync(BtcAddress + ".bitaxe1");
        await ScreenshotAsync(page, "config-bitaxe");

        // BitAxe on Litecoin: said plainly, no settings; an Antminer (L7) gets the Litecoin address as worker.
        await page.GotoAsync("/config?pool=ltc&brand=BitAxe");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".config-unsupported")).ToContainTextAsync("No BitAxe model mines scrypt");
        await page.GotoAsync("/config?pool=ltc&brand=Antminer");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".config-group[data-group='Pool 1'] .config-field[data-label='Worker'] .config-value"))
            .ToHaveTextAsync(LtcAddress + ".antminer1");

        // The dashboard: the Litecoin wallet's worker, and a chart with a drawn series.
        await DemoData.SeedMinerAsync(app.Factory.Services, DateTimeOffset.UtcNow, LtcAddress, "rig1", minutes: 120);
        await page.GotoAsync("/dashboard");
        await WaitForCircuitAsync(page);
        await page.Locator(".wallet-picker .mud-chip", new() { HasText = "LTC" }).ClickAsync();
        await Assertions.Expect(page.Locator(".workers-table tr[data-worker='rig1'] .worker-status")).ToHaveTextAsync("online");
        var series = page.Locator(".hashrate-chart .apexcharts-series path").First;
        await series.WaitForAsync();
        // The y axis scales to the seeded 1 GH/s only once the Litecoin series (not the empty Bitcoin one) is drawn.
        await Assertions.Expect(page.Locator(".hashrate-chart .apexcharts-yaxis")).ToContainTextAsync("GH/s");
        await Assertions.Expect(page.Locator(".hashrate-chart svg.apexcharts-svg")).ToHaveCountAsync(1);
        var path = await series.GetAttributeAsync("d");
        Assert.False(string.IsNullOrEmpty(path));
        Assert.True(path.Count(c => c is 'L' or 'C') > 10, $"the series path has points: {path}");
        await ScreenshotAsync(page, "dashboard");

        // A hidden tab pauses refreshing; showing it again resumes.
        await SetTabVisibilityAsync(page, "hidden");
        await Assertions.Expect(page.Locator(".live-refresh").First).ToHaveAttributeAsync("data-paused", "true");
        await SetTabVisibilityAsync(page, "visible");
        await Assertions.Expect(page.Locator(".live-refresh").First).ToHaveAttributeAsync("data-paused", "false");

        // Pushed over the circuit: a found block (every page) and this wallet's worker going offline (its dashboard).
        var bus = app.Factory.Services.GetRequiredService<IPoolEventBus>();
        bus.Publish(new BlockFoundEvent("ltc", DateTimeOffset.UtcNow, 433, new string('a', 64), LtcAddress, "rig1"));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Block 433 found on Litecoin regtest" })).ToBeVisibleAsync();
        bus.Publish(new WorkerStatusEvent("ltc", DateTimeOffset.UtcNow, LtcAddress, "rig1", Online: false));
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Worker rig1 is offline" })).ToBeVisibleAsync();

        await page.GotoAsync("/pools/ltc");
        await WaitForCircuitAsync(page);
        await page.Locator(".hashrate-chart .apexcharts-series path").First.WaitForAsync();
        await ScreenshotAsync(page, "pool-ltc");
    }
}
