using System.Collections.Concurrent;
using BitmernSolo.Web.Dashboards;
using DashboardDaemonState = BitmernSolo.Web.Dashboards.DaemonState;
using LiveState = BitmernSolo.Stratum.Daemons.DaemonState;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// The pages' <see cref="IPoolStatusProvider"/> with live daemon state from the monitors (their reason as the detail) once
/// a pool's daemon has answered at least once; until then, and for the network figures, the latest <c>NetworkStat</c> sample.
/// </summary>
internal sealed class DaemonPoolStatusProvider(PoolDaemonRegistry daemons, NetworkStatPoolStatusProvider samples) : IPoolStatusProvider
{
    private readonly ConcurrentDictionary<string, bool> _everAnswered = new(StringComparer.OrdinalIgnoreCase);

    public async Task<PoolStatus> GetStatusAsync(string poolId, CancellationToken cancellationToken)
    {
        var sampled = await samples.GetStatusAsync(poolId, cancellationToken).ConfigureAwait(false);
        if (daemons.GetStatus(poolId) is not { } live || live.State == LiveState.Unknown)
        {
            return sampled;
        }

        if (live.State != LiveState.Down)
        {
            _everAnswered[poolId] = true;
        }
        else if (!_everAnswered.ContainsKey(poolId))
        {
            return sampled; // never reached: "not connected" (or the last sample's view), not "down"
        }

        var state = live.State switch
        {
            LiveState.Synced => DashboardDaemonState.Synced,
            LiveState.Syncing => DashboardDaemonState.Syncing,
            LiveState.WrongChain => DashboardDaemonState.WrongNetwork,
            LiveState.FeeAddressRefused => DashboardDaemonState.FeeAddressRefused,
            _ => DashboardDaemonState.Down,
        };
        return sampled with { Daemon = state, Height = live.Height > 0 ? live.Height : sampled.Height, Detail = live.Reason };
    }
}
