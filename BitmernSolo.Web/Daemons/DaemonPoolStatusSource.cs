using System.Collections.Concurrent;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Health;
using HealthDaemonStatus = BitmernSolo.Web.Health.DaemonStatus;
using PoolState = BitmernSolo.Web.Dashboards.DaemonState;
using StratumDaemonStatus = BitmernSolo.Stratum.Daemons.DaemonStatus;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// <see cref="IPoolStatusSource"/> (the <c>daemons</c> readiness check, the admin Pools page, the pages' daemon state, the API's
/// connected peers) from the daemon monitors (their pool state and reason), the pools' job managers (template time) and the
/// fan-out recorder.
/// </summary>
internal sealed class DaemonPoolStatusSource(PoolDaemonRegistry registry, IFanOutLatencySource fanOut, IServiceProvider services) : IPoolStatusSource
{
    private readonly ConcurrentDictionary<string, bool> _everAnswered = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PoolRuntimeStatus> Current =>
    [
        .. registry.Pools.Select(pool =>
        {
            var status = pool.Monitor.Status;
            return new PoolRuntimeStatus(
                pool.PoolId,
                StateOf(status),
                status.Reason,
                [.. status.Daemons.Select(ToHealth)],
                (services.GetKeyedService<IWorkSource>(pool.PoolId) as PoolJobManager)?.LastPublishedAt,
                fanOut.Last(pool.PoolId)?.Elapsed);
        }),
    ];

    /// <summary>
    /// The monitor's state in the web's words. Daemons that have never answered are "not connected", not "down": down is
    /// for one that answered before.
    /// </summary>
    private PoolState StateOf(PoolDaemonStatus status)
    {
        if (status.State is not (DaemonState.Down or DaemonState.Unknown))
        {
            _everAnswered[status.PoolId] = true;
        }

        return status.State switch
        {
            DaemonState.Unknown => PoolState.NotConnected,
            DaemonState.Synced => PoolState.Synced,
            DaemonState.Syncing => PoolState.Syncing,
            DaemonState.WrongChain => PoolState.WrongNetwork,
            DaemonState.FeeAddressRefused => PoolState.FeeAddressRefused,
            _ => _everAnswered.ContainsKey(status.PoolId) ? PoolState.Down : PoolState.NotConnected,
        };
    }

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
