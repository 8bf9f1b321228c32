using BitmernSolo.Web.Components.Layout;

namespace BitmernSolo.Tests.Web;

public sealed class ThemePreferenceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheThemeToggleStoresDarkModeInACookieAndReturnsToThePage()
    {
        using var client = app.Factory.CreateBrowser();

        using var response = await IdentityForms.PostFormAsync(client, "/config",
            new Dictionary<string, string> { ["returnUrl"] = "config" }, actionUrl: ThemePreference.Path);

        Assert.Equal("/config", IdentityForms.RedirectPath(response));
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies));
        Assert.Contains(cookies, cookie => cookie.StartsWith(ThemePreference.CookieName + "=dark", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheToggleRefusesAPostWithoutAnAntiforgeryToken()
    {
        using var client = app.Factory.CreateBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "" });

        using var response = await client.PostAsync(new Uri(ThemePreference.Path, UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
