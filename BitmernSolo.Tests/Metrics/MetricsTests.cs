using System.Globalization;
using System.Net;
using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace BitmernSolo.Tests.Metrics;

public sealed class MetricsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheScrapeShowsTheCountersTheStratumDrove()
    {
        using var client = app.Factory.CreateClient();
        var metrics = app.Factory.Services.GetRequiredService<PoolMetrics>();
        metrics.ConnectionOpened("btc", 3333);
        metrics.ConnectionOpened("btc", 3333);
        metrics.ConnectionClosed("btc", 3333);
        for (var i = 0; i < 5; i++)
        {
            metrics.ShareAccepted("btc", 1000);
        }

        metrics.ShareRejected("btc", "stale");
        metrics.ShareRejected("btc", "duplicate");
        metrics.ShareRejected("btc", "duplicate");
        metrics.ShareRejected("btc", "made-up reason");
        metrics.BlockFound("btc");
        metrics.BlockSubmitted("btc");
        metrics.BlockRejected("btc");
        metrics.SetPoolHashrate("btc", 6.5e12);
        metrics.ObserveRpc("btc", "getblocktemplate", TimeSpan.FromMilliseconds(12));
        metrics.ObserveNotifyFanout("btc", TimeSpan.FromMilliseconds(3));
        metrics.TemplateReceived("btc");

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Sample(text, "bitmernsolo_stratum_connections{pool=\"btc\",port=\"3333\"}"));
        Assert.Equal(5, Sample(text, "bitmernsolo_shares_accepted_total{pool=\"btc\"}"));
        Assert.Equal(5000, Sample(text, "bitmernsolo_shares_accepted_difficulty_total{pool=\"btc\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"btc\",reason=\"stale\"}"));
        Assert.Equal(2, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"btc\",reason=\"duplicate\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"btc\",reason=\"other\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_blocks_total{pool=\"btc\",outcome=\"found\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_blocks_total{pool=\"btc\",outcome=\"submitted\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_blocks_total{pool=\"btc\",outcome=\"rejected\"}"));
        Assert.Equal(6.5e12, Sample(text, "bitmernsolo_pool_hashrate{pool=\"btc\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_daemon_rpc_duration_seconds_count{pool=\"btc\",method=\"getblocktemplate\"}"));
        Assert.Equal(0.012, Sample(text, "bitmernsolo_daemon_rpc_duration_seconds_sum{pool=\"btc\",method=\"getblocktemplate\"}"), 1e-9);
        Assert.Equal(1, Sample(text, "bitmernsolo_notify_fanout_seconds_count{pool=\"btc\"}"));
        Assert.Contains("bitmernsolo_template_age_seconds{pool=\"btc\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADrainedShareIntervalMovesAcceptedAndRejectedByReason()
    {
        var metrics = new PoolMetrics(TimeProvider.System);
        var worker = new BitmernSolo.Stratum.Shares.WorkerKey("ltc", "ltc1qminer", "l3");

        metrics.RecordShares(
        [
            new(worker, Accepted: 7, RejectedOther: 1, RejectedStale: 2, RejectedDuplicate: 0, RejectedLowDifficulty: 3,
                RejectedUnauthorized: 0, SumDifficulty: 7 * 65536, BestDifficulty: 1e6, LastShareTime: null),
            new(worker, 3, 0, 1, 0, 0, 0, 3 * 65536, 1e5, null),
        ]);

        var text = await ScrapeAsync(metrics);
        Assert.Equal(10, Sample(text, "bitmernsolo_shares_accepted_total{pool=\"ltc\"}"));
        Assert.Equal(10 * 65536, Sample(text, "bitmernsolo_shares_accepted_difficulty_total{pool=\"ltc\"}"));
        Assert.Equal(3, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"ltc\",reason=\"stale\"}"));
        Assert.Equal(3, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"ltc\",reason=\"low-difficulty\"}"));
        Assert.Equal(1, Sample(text, "bitmernsolo_shares_rejected_total{pool=\"ltc\",reason=\"other\"}"));
        Assert.DoesNotContain("reason=\"duplicate\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateAgeIsTheTimeSinceTheTemplateArrivedAtScrape()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var metrics = new PoolMetrics(clock);
        metrics.TemplateReceived("ltc");
        clock.Now = clock.Now.AddSeconds(42);

        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(42, Sample(text, "bitmernsolo_template_age_seconds{pool=\"ltc\"}"));
    }

    [Fact]
    public async Task EachHostHasItsOwnCounters()
    {
        var first = new PoolMetrics(TimeProvider.System);
        var second = new PoolMetrics(TimeProvider.System);

        first.ShareAccepted("btc", 1);

        using var stream = new MemoryStream();
        await second.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("bitmernsolo_shares_accepted_total{", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(PoolMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Sample(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample {series} in:\n{exposition}");
        return double.Parse(line[(series.Length + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
