namespace BitmernSolo.Tests.Web;

/// <summary>An enabled pool whose daemon is not reachable (nothing listens on 127.0.0.1:9).</summary>
public sealed class EnabledPoolFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pool:Name"] = "Test Pool Kestrel",
        ["Pools:2:Enabled"] = "true",
        ["Pools:2:Daemons:0:Url"] = "http://127.0.0.1:9/",
    };
}

public sealed class EnabledPoolTests(EnabledPoolFixture app) : IClassFixture<EnabledPoolFixture>
{
    [Fact]
    public async Task AnEnabledPoolWithoutAReachableDaemonComesUpAndSaysTheDaemonIsNotConnected()
    {
        using var client = app.Factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Test Pool Kestrel", html, StringComparison.Ordinal);
        var card = html[html.IndexOf("data-pool-id=\"ltc\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("daemon not connected", card, StringComparison.Ordinal);
    }
}
