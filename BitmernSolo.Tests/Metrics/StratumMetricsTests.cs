using System.Globalization;
using System.Net;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Web.Metrics;
using Prometheus;

namespace BitmernSolo.Tests.Metrics;

/// <summary>Metrics driven by a real stratum pool and a test miner.</summary>
public sealed class StratumMetricsTests
{
    [Fact]
    public async Task BlocksFromTheStratumAreCountedFoundSubmittedAndRejected()
    {
        var metrics = new PoolMetrics(TimeProvider.System);
        var bridge = new StratumMetricsBridge(new EmptyServices(), metrics, TimeProvider.System);

        bridge.OnBlockFound(Block(accepted: true));
        bridge.OnBlockFound(Block(accepted: false));

        var text = await ScrapeAsync(metrics);
        Assert.Contains("bitmernsolo_blocks_total{pool=\"ltc\",outcome=\"found\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("bitmernsolo_blocks_total{pool=\"ltc\",outcome=\"submitted\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("bitmernsolo_blocks_total{pool=\"ltc\",outcome=\"rejected\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTestMinersSharesShowUpOnceTheIntervalIsDrained()
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory, IPAddress.Parse("203.0.113.5"));
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", "[\"ltc1qminer.rig1\",\"x\"]");
        // A submit for a job that does not exist is rejected (stale/other) and counted for the worker.
        await client.CallAsync("mining.submit", "[\"ltc1qminer.rig1\",\"nojob\",\"00000000\",\"00000000\",\"00000000\"]");
        var metrics = new PoolMetrics(TimeProvider.System);

        metrics.RecordShares(server.Shares.TakeInterval());

        var text = await ScrapeAsync(metrics);
        var rejected = text.Split('\n')
            .Where(l => l.StartsWith("bitmernsolo_shares_rejected_total{pool=\"ltc\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
        Assert.Equal(1, rejected);
    }

    [Fact]
    public async Task EachMinutesShareCountersReachTheScrapeThroughTheBridge()
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory, IPAddress.Parse("203.0.113.6"));
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", "[\"ltc1qminer.rig2\",\"x\"]");
        await client.CallAsync("mining.submit", "[\"ltc1qminer.rig2\",\"nojob\",\"00000000\",\"00000000\",\"00000000\"]");
        var metrics = new PoolMetrics(TimeProvider.System);
        var bridge = new StratumMetricsBridge(new EmptyServices(), metrics, TimeProvider.System);

        bridge.OnSharesCounted([.. server.Shares.TakeInterval()]);

        var text = await ScrapeAsync(metrics);
        Assert.Contains("bitmernsolo_shares_rejected_total{pool=\"ltc\"", text, StringComparison.Ordinal);
    }

    private static FoundBlock Block(bool accepted) => new(
        "ltc", 100, default, "ltc1qminer", "rig1", 1e6, DateTimeOffset.UnixEpoch, accepted, accepted ? null : "rejected", []);

    private static async Task<string> ScrapeAsync(PoolMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
