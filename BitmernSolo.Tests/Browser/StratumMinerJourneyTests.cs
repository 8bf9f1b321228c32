using System.Text.RegularExpressions;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Mining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static BitmernSolo.Tests.Browser.BrowserSteps;

namespace BitmernSolo.Tests.Browser;

/// <summary>
/// The journey with nothing seeded: the app on Kestrel with its LTC pool on regtest against a real <c>litecoind</c> pair,
/// Chromium registering and saving one of the node's own bech32 addresses, the config generator's settings, and the test
/// miner following them to the real stratum port. Its accepted shares (each one a regtest block at the port's 0.0001)
/// reach "My dashboard" through the share flush, as they would in production.
/// </summary>
public sealed class StratumMinerJourneyTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>, IDisposable
{
    private const string StratumHost = "127.0.0.1";
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task SharesFromTheGeneratedSettingsShowTheWorkerOnlineAndChartedOnMyDashboard()
    {
        Assert.SkipUnless(BrowserAppFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserAppFixture.ChromiumPath}.");
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(10); // a little chain under the pool (IBD ends with the first blocks)
        var address = await node.NewAddressAsync("bech32");
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl, new Dictionary<string, string?> { ["Pool:StratumHost"] = StratumHost });
        using var web = app.CreateWebClient();
        var baseAddress = web.BaseAddress!;
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserAppFixture.LaunchChromiumAsync(playwright);
        var page = await NewPageAsync(browser, baseAddress);

        await RegisterAsync(page, baseAddress);
        await page.GotoAsync("/wallets");
        await WaitForCircuitAsync(page);
        await AddWalletAsync(page, "Litecoin regtest", address);
        await ScreenshotAsync(page, "stratum-wallets");

        // No BitAxe mines scrypt, and the page says so; an Antminer L7 gets the URL and the saved address as its worker.
        await page.GotoAsync("/config?pool=ltc&brand=BitAxe");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".config-unsupported")).ToContainTextAsync("No BitAxe model mines scrypt");
        await page.GotoAsync("/config?pool=ltc&brand=Antminer");
        await WaitForCircuitAsync(page);
        var pool1 = page.Locator(".config-group[data-group='Pool 1']");
        await Assertions.Expect(pool1.Locator(".config-field[data-label='Worker'] .config-value")).ToHaveTextAsync(address + ".antminer1");
        var url = new Uri((await pool1.Locator(".config-field[data-label='URL'] .config-value").TextContentAsync())!.Trim());
        var user = (await pool1.Locator(".config-field[data-label='Worker'] .config-value").TextContentAsync())!.Trim();
        Assert.Equal("stratum+tcp", url.Scheme);
        Assert.Equal(StratumHost, url.Host);
        await ScreenshotAsync(page, "stratum-config-antminer");

        // The test miner takes exactly those settings to the real stratum port; two accepted shares, each one a block.
        await using var miner = await app.ConnectCpuminerAsync(user, url.Port);
        for (uint share = 1; share <= 2; share++)
        {
            using var watcher = new BlockWatcher(app.Services);
            await miner.SyncAsync();
            var answer = await miner.MineShareAsync(extranonce2: share);
            Assert.True(answer.IsTrue(), answer.ToString());
            await watcher.NextAsync();
            miner.Client.Received.Add(await miner.Client.WaitForAsync("mining.notify")); // the job on top of the new tip
        }

        // The found block is pushed to the open page over its circuit.
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "found on Litecoin regtest" }).First).ToBeVisibleAsync();
        Assert.True(await app.Services.GetRequiredService<ShareStatsFlusher>().FlushAsync(TestContext.Current.CancellationToken));

        await page.GotoAsync("/dashboard");
        await WaitForCircuitAsync(page);
        await page.Locator(".wallet-picker .mud-chip", new() { HasText = "LTC" }).ClickAsync();
        await Assertions.Expect(page.Locator(".workers-table tr[data-worker='antminer1'] .worker-status")).ToHaveTextAsync("online");
        var series = page.Locator(".hashrate-chart .apexcharts-series path").First;
        await series.WaitForAsync();
        await Assertions.Expect(page.Locator(".hashrate-chart svg.apexcharts-svg")).ToHaveCountAsync(1);
        var path = await series.GetAttributeAsync("d");
        Assert.False(string.IsNullOrEmpty(path));
        Assert.True(path.Count(c => c is 'L' or 'C') > 10, $"the series path has points: {path}");

        // Pages count complete minutes only: once the shares' minute has closed, the worker and the chart show their work.
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(61 - now.Second), TestContext.Current.CancellationToken);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await page.Locator(".wallet-picker .mud-chip", new() { HasText = "LTC" }).ClickAsync();
        // Regtest shares are a few hashes each (well under 1 H/s), so the proof is the shape: the 1 H chart (minute steps) rises.
        await page.Locator(".range-picker button[data-range='Hour']").ClickAsync();
        var drawn = string.Empty;
        for (var tries = 0; tries < 60 && Heights(drawn) < 2; tries++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken); // the range's data arrives, then ApexCharts animates
            drawn = await page.Locator(".hashrate-chart .apexcharts-series path").First.GetAttributeAsync("d") ?? string.Empty;
        }

        Assert.True(Heights(drawn) > 1, $"the 1 H series rises above zero: {drawn}");
        await ScreenshotAsync(page, "stratum-dashboard");
    }

    /// <summary>How many different y coordinates an SVG path's points have (one for a flat line).</summary>
    private static int Heights(string path) =>
        Regex.Matches(path, @"-?\d+(?:\.\d+)?").Select((number, index) => (number.Value, index)).Where(n => n.index % 2 == 1).Select(n => n.Value).Distinct().Count();
}
