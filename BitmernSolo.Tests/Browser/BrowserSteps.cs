using Microsoft.Playwright;

namespace BitmernSolo.Tests.Browser;

/// <summary>What every browser scenario does the same way: a page, registering, saving a wallet, waiting for the circuit.</summary>
internal static class BrowserSteps
{
    public const float Timeout = 30_000;

    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        return page;
    }

    /// <summary>Prerendered pages show before the circuit connects; clicks count only once it has.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#circuit-state[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Registers a fresh account (a static form post that signs in) and lands on the home page.</summary>
    public static async Task RegisterAsync(IPage page, Uri baseAddress)
    {
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("[id='Input.Email']", $"browser-{Guid.NewGuid():N}@example.com");
        await page.FillAsync("[id='Input.Password']", "Correct-Horse-9");
        await page.FillAsync("[id='Input.ConfirmPassword']", "Correct-Horse-9");
        await page.Locator("button[type=submit]", new() { HasText = "Register" }).ClickAsync();
        await page.WaitForURLAsync(baseAddress.ToString());
        await WaitForCircuitAsync(page);
    }

    /// <summary>On /wallets: picks the pool, types the address, adds it and waits for its row.</summary>
    public static async Task AddWalletAsync(IPage page, string poolText, string address)
    {
        await page.Locator(".wallet-pool").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = poolText }).First.ClickAsync();
        await page.FillAsync("#wallet-address", address);
        await page.Locator(".add-wallet-button").ClickAsync();
        await page.Locator(".wallets-table", new() { HasText = address }).WaitForAsync();
    }
}
