using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Components.Pages.Pool;
using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Data.Regions;
using BitmernSolo.Web.Mining;
using BitmernSolo.Web.Pools;

namespace BitmernSolo.Web.Regions;

/// <summary>
/// Every configured pool's state in this process: the daemon state as the pool page words it, the reason when miners get
/// no work, the height of the template being mined, and the stratum sessions (connections, distinct workers, their
/// estimated hashrate).
/// </summary>
public sealed class LivePoolStates(
    PoolDirectory pools,
    PoolStatusReader statuses,
    ILiveSessionSource sessions,
    IServiceProvider services) : IRegionPoolStateSource
{
    public const string Disabled = "disabled";

    public async Task<IReadOnlyList<RegionPoolState>> GetAsync(CancellationToken cancellationToken)
    {
        var live = sessions.GetSessions();
        // Resolved late: a host without mining (tests, a web-only instance) has no runtimes, and building them is not ours to do.
        var runtimes = services.GetService<PoolRuntimes>();
        var states = new List<RegionPoolState>();
        foreach (var pool in pools.All)
        {
            if (!pool.Enabled)
            {
                states.Add(new RegionPoolState(pool.Id, Disabled, null, 0, 0, 0, 0));
                continue;
            }

            var status = await statuses.GetStatusAsync(pool.Id, cancellationToken).ConfigureAwait(false);
            PoolRuntime? runtime = null;
            runtimes?.TryGet(pool.Id, out runtime);
            var mine = live.Where(s => string.Equals(s.PoolId, pool.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            states.Add(new RegionPoolState(
                pool.Id,
                PoolOverviewLoader.DaemonText(status.Daemon),
                runtime?.State.NoWorkReason ?? status.Detail,
                runtime?.State.LastTemplateHeight ?? 0,
                mine.Count,
                mine.Where(s => s.Address is not null).Select(s => (s.Address, s.Worker)).Distinct().Count(),
                mine.Sum(s => s.Hashrate ?? 0)));
        }

        return states;
    }
}
