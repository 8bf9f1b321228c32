using System.Net;
using BitmernSolo.Tests.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BitmernSolo.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port (127.0.0.1, any free port) with regtest Bitcoin and Litecoin pools enabled, and Debian's
/// Chromium driven by Playwright (no browser download). <see cref="Browser"/> is null when Chromium is not installed.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;

    public BrowserAppFixture()
    {
        Factory = new PoolWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Pool:StratumHost"] = "solo.example.net",
            ["Pools:0:Enabled"] = "true",
            ["Pools:0:Network"] = "regtest",
            ["Pools:0:Daemons:0:Url"] = "http://127.0.0.1:9/",
            ["Pools:2:Enabled"] = "true",
            ["Pools:2:Network"] = "regtest",
            ["Pools:2:Daemons:0:Url"] = "http://127.0.0.1:9/",
        });
    }

    public PoolWebFactory Factory { get; }

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = default!;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>Where screenshots go: TestResults/screenshots beside the test assembly, kept as CI artifacts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        if (!ChromiumInstalled)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, through its own executable (Playwright downloads no browser).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });

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
