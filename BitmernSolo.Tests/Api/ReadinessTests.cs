using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Api;

public sealed class ReadinessTests
{
    private static readonly IOptions<PoolListOptions> Pools = Options.Create(new PoolListOptions
    {
        Pools =
        [
            new CoinPoolOptions { Id = "btc", Enabled = true, Coin = "bitcoin" },
            new CoinPoolOptions { Id = "ltc", Enabled = true, Coin = "litecoin" },
            new CoinPoolOptions { Id = "doge", Enabled = false, Coin = "dogecoin" },
        ],
    });

    private static DaemonStatus Daemon(bool reachable, bool synced) =>
        new("http://127.0.0.1:8332/", reachable, synced, 900_000, 8, "/Satoshi:29.0.0/", TimeSpan.FromMilliseconds(3), null);

    /// <summary>The state is the daemon monitor's (see <c>PoolDaemonStatusTests</c>); the daemons beside it are what it saw.</summary>
    private static PoolRuntimeStatus Pool(string id, DaemonState state, params DaemonStatus[] daemons) =>
        new(id, state, state == DaemonState.Synced ? null : "a reason", daemons, null, null);

    [Fact]
    public async Task WithoutADaemonPollerThePoolsDoNotHoldReadinessBack()
    {
        var result = await new PoolDaemonsHealthCheck(Pools, []).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("not reported", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEnabledPoolIsReportedAndOneWithoutASyncedDaemonMakesItUnready()
    {
        var source = new StaticSource(
            Pool("btc", DaemonState.Synced, Daemon(reachable: false, synced: false), Daemon(reachable: true, synced: true)),
            Pool("ltc", DaemonState.Syncing, Daemon(reachable: true, synced: false)));

        var result = await new PoolDaemonsHealthCheck(Pools, [source]).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("ready", result.Data["btc"]);
        Assert.Equal("syncing", result.Data["ltc"]);
        Assert.False(result.Data.ContainsKey("doge"));
    }

    [Fact]
    public async Task APoolWhoseDaemonAnswersOnAnotherChainIsReportedAsWrongNetworkNotSyncing()
    {
        var wrong = Daemon(reachable: true, synced: false) with { Error = "daemon is on 'test', pool configured for 'main'", WrongNetwork = true };
        var source = new StaticSource(
            Pool("btc", DaemonState.Synced, Daemon(reachable: true, synced: true)),
            Pool("ltc", DaemonState.WrongNetwork, Daemon(reachable: false, synced: false), wrong));

        var result = await new PoolDaemonsHealthCheck(Pools, [source]).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("wrong network", result.Data["ltc"]);
    }

    [Fact]
    public async Task APoolWhoseDaemonRefusesTheFeeAddressIsReportedAsSoNotAsWrongNetwork()
    {
        var refusing = Daemon(reachable: true, synced: false) with
        {
            Error = "the daemon refuses the pool's fee address 'LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9'", FeeAddressRefused = true,
        };
        var source = new StaticSource(
            Pool("btc", DaemonState.Synced, Daemon(reachable: true, synced: true)),
            Pool("ltc", DaemonState.FeeAddressRefused, refusing));

        var result = await new PoolDaemonsHealthCheck(Pools, [source]).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("fee address refused", result.Data["ltc"]);
    }

    [Fact]
    public async Task APoolMissingFromTheReportIsNotReady()
    {
        var source = new StaticSource(Pool("btc", DaemonState.Synced, Daemon(reachable: true, synced: true)));

        var result = await new PoolDaemonsHealthCheck(Pools, [source]).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("not reported", result.Data["ltc"]);
    }

    [Fact]
    public async Task WithNoPoolEnabledReadinessSaysThereIsNoDaemonToWaitFor()
    {
        var none = Options.Create(new PoolListOptions { Pools = [new CoinPoolOptions { Id = "btc", Enabled = false, Coin = "bitcoin" }] });

        var result = await new PoolDaemonsHealthCheck(none, [new StaticSource()]).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("no pool enabled, so no daemon to wait for", result.Description);
    }

    private sealed class StaticSource(params PoolRuntimeStatus[] statuses) : IPoolStatusSource
    {
        public IReadOnlyList<PoolRuntimeStatus> Current => statuses;
    }
}
