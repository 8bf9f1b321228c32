using System.Net;

namespace BitmernSolo.Tests.Pages;

/// <summary>The public miner dashboard as prerendered, over seeded demo records.</summary>
public sealed class MinerPagesTests(SeededLitecoinFixture app) : IClassFixture<SeededLitecoinFixture>
{
    private async Task<string> GetAsync(string path)
    {
        using var client = app.Factory.CreateClient();
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheMinerDashboardShowsHashrateWindowsAndTheWorker()
    {
        var html = await GetAsync($"/miners/ltc/{DemoData.Address}");

        Assert.Equal("1.00 GH/s", Html.Figure(html, "hashrate-1m"));
        Assert.Equal("1.00 GH/s", Html.Figure(html, "hashrate-10m"));
        Assert.Equal("1.00 GH/s", Html.Figure(html, "hashrate-1h"));
        // 90 of the last 1440 minutes at 1 GH/s.
        Assert.Equal("62.5 MH/s", Html.Figure(html, "hashrate-24h"));
        var workers = html[html.IndexOf("workers-table", StringComparison.Ordinal)..];
        Assert.Contains("data-worker=\"rig1\"", workers, StringComparison.Ordinal);
        Assert.Contains(">online<", workers, StringComparison.Ordinal);
        Assert.Contains("1.049 M", workers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMinerDashboardComparesBestSharesWithNetworkDifficultyAndGivesHonestOdds()
    {
        var html = await GetAsync($"/miners/ltc/{DemoData.Address}");

        // Best since block 4.5 M scrypt stratum difficulty = 68.66 in header units; network difficulty 2.5.
        Assert.Equal("4.5 M", Html.Figure(html, "best-since-block"));
        Assert.Contains("2746.6 % of network difficulty", html, StringComparison.Ordinal);
        // 1 GH/s against difficulty 2.5: a block every ~10.7 s, so a day is a certainty to display precision.
        Assert.Equal("100.0 %", Html.Figure(html, "odds-day"));
        Assert.Contains("Solo mining is a lottery", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMinerDashboardListsItsBlocksEarningsAndPayments()
    {
        var html = await GetAsync($"/miners/ltc/{DemoData.Address}");

        Assert.Contains("pending 12/100", html, StringComparison.Ordinal);
        var earnings = html[html.IndexOf("earnings-table", StringComparison.Ordinal)..];
        Assert.Contains("6.25 LTC", earnings, StringComparison.Ordinal);
        var payments = html[html.IndexOf("payments-table", StringComparison.Ordinal)..];
        Assert.Contains("6.25 LTC", payments, StringComparison.Ordinal);
        Assert.Contains(">300<", payments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressWithNothingYetGetsAnEmptyButHonestDashboard()
    {
        var html = await GetAsync($"/miners/ltc/{DemoData.OtherAddress}");

        Assert.Contains("No workers yet", html, StringComparison.Ordinal);
        Assert.Contains("No blocks found yet.", html, StringComparison.Ordinal);
        Assert.Contains("No payments yet.", html, StringComparison.Ordinal);
        Assert.Equal("0 %", Html.Figure(html, "odds-day"));
    }

    [Fact]
    public async Task AnAddressOfAnotherNetworkIsRefusedWithTheParsersReason()
    {
        var html = await GetAsync("/miners/ltc/bc1qvyq0cc6rahyvsazfdje0twl7ez82ndmuac2lhv");

        Assert.Contains("This is not a valid Litecoin regtest address:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("miner-panel", html, StringComparison.Ordinal);
    }
}
