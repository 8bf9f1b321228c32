using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Health;
using HealthDaemonStatus = BitmernSolo.Web.Health.DaemonStatus;
using StratumDaemonStatus = BitmernSolo.Stratum.Daemons.DaemonStatus;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// <see cref="IPoolStatusSource"/> (the <c>daemons</c> readiness check, the admin Pools page, the API's connected peers) from
/// the daemon monitors, the pools' job managers (template time) and the fan-out recorder.
/// </summary>
internal sealed class DaemonPoolStatusSource(PoolDaemonRegistry registry, IFanOutLatencySource fanOut, IServiceProvider services) : IPoolStatusSource
{
    public IReadOnlyList<PoolRuntimeStatus> Current =>
    [
        .. registry.Pools.Select(pool => new PoolRuntimeStatus(
            pool.PoolId,
            [.. pool.Monitor.Status.Daemons.Select(ToHealth)],
            (services.GetKeyedService<IWorkSource>(pool.PoolId) as PoolJobManager)?.LastPublishedAt,
            fanOut.Last(pool.PoolId)?.Elapsed)),
    ];

    private static HealthDaemonStatus ToHealth(StratumDaemonStatus daemon) => new(
        daemon.Endpoint,
        Reachable: daemon.State is not (DaemonState.Down or DaemonState.Unknown),
        Synced: daemon.State == DaemonState.Synced,
        daemon.Height,
        daemon.Peers,
        daemon.SubVersion,
        daemon.State == DaemonState.Down ? null : daemon.RpcLatency,
        daemon.Reason,
        WrongNetwork: daemon.State == DaemonState.WrongChain,
        FeeAddressRefused: daemon.State == DaemonState.FeeAddressRefused);
}
