using System.Net;
using System.Text.Json;

namespace BitmernSolo.Tests.Web;

public sealed class HomePageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheAppBootsOnTheShippedDefaultsAndServesTheHomePageWithThePoolName()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BitmernSolo", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("btc")]
    [InlineData("bch")]
    [InlineData("ltc")]
    [InlineData("doge")]
    [InlineData("dgb-sha256")]
    [InlineData("dgb-scrypt")]
    public async Task EveryShippedPoolIsListedAsDisabled(string poolId)
    {
        using var client = app.Factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var card = html[html.IndexOf($"data-pool-id=\"{poolId}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains(">disabled<", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthzAnswersWhileTheProcessIsAlive()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadyzReportsTheDatabaseCheckAsJson()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/admin")]
    public async Task MemberPagesSendAnonymousVisitorsToTheLoginPage(string path)
    {
        using var client = app.Factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/Login", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/config")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    public async Task PublicPagesRenderInsideTheShell(string path)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mud-appbar", html, StringComparison.Ordinal);
        Assert.Contains("Config generator", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressAnswers404WithTheNotFoundPage()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", html, StringComparison.Ordinal);
    }
}
