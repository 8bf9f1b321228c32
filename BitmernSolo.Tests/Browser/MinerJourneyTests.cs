using BitmernSolo.Tests.Pages;
using BitmernSolo.Web.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static BitmernSolo.Tests.Browser.BrowserSteps;

namespace BitmernSolo.Tests.Browser;

/// <summary>
/// A miner's first visit in real Chromium: register, save a regtest Litecoin address, get miner settings, watch the
/// dashboard's live behaviour, with no daemon (the address is a fixed one). Nothing is seeded: the worker mined through the
/// real stratum port is <see cref="StratumMinerJourneyTests"/>.
/// </summary>
public sealed class MinerJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string LtcAddress = DemoData.Address;
    private const string BtcAddress = "bcrt1qdavt4j2sd7dlhqsavtnfxvzppw6k7qy97tmnu9";

    /// <summary>What the browser does when the user switches tabs, without a second tab.</summary>
    private static async Task SetTabVisibilityAsync(IPage page, string state) =>
        await page.EvaluateAsync($"() => {{ Object.defineProperty(document, 'visibilityState', {{ configurable: true, get: () => '{state}' }}); document.dispatchEvent(new Event('visibilitychange')); }}");

    [Fact]
    public async Task ANewMinerRegistersSavesAnAddressGetsSettingsAndTheirDashboardIsLive()
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

        // The dashboard's live behaviour (the worker and its chart from real shares: StratumMinerJourneyTests).
        await page.GotoAsync("/dashboard");
        await WaitForCircuitAsync(page);
        await page.Locator(".wallet-picker .mud-chip", new() { HasText = "LTC" }).ClickAsync();
        await page.Locator(".hashrate-chart .apexcharts-series path").First.WaitForAsync();
        await ScreenshotAsync(page, "dashboard");

        // A hidden tab pauses refreshing; showing it again resumes.
        await SetTabVisibilityAsync(page, "hidden");
        await Assertions.Expect(page.Locator(".live-refresh").First).ToHaveAttributeAsync("data-paused", "true");
        await SetTabVisibilityAsync(page, "visible");
        await Assertions.Expect(page.Locator(".live-refresh").First).ToHaveAttributeAsync("data-paused", "false");

        // Pushed over the circuit: a found block (every page) and this wallet's worker going offline (its dashboard). Published
        // events, not mined: a block at a chosen height and a worker timing out are what the test miner can't make on demand here.
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
