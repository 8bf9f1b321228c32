using BitmernSolo.Web.Data;
using BitmernSolo.Web.Health;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Dashboards;

/// <summary>
/// A pool's <see cref="PoolStatus"/> for the pages: the daemon state, its reason and the height as the
/// <see cref="IPoolStatusSource"/> reports them once the pool's daemons have answered; until then (or without a source, in a
/// web-only process) the latest <c>NetworkStat</c> sample's view. The network figures always come from that sample.
/// </summary>
public sealed class PoolStatusReader(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider clock,
    IEnumerable<IPoolStatusSource> sources)
{
    /// <summary>A sample older than this says nothing about the daemon now.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(10);

    public async Task<PoolStatus> GetStatusAsync(string poolId, CancellationToken cancellationToken)
    {
        var sampled = await SampledAsync(poolId, cancellationToken).ConfigureAwait(false);
        if (sources.LastOrDefault().Find(poolId) is not { State: not DaemonState.NotConnected } live)
        {
            return sampled;
        }

        return sampled with { Daemon = live.State, Height = live.Height > 0 ? live.Height : sampled.Height, Detail = live.Reason };
    }

    /// <summary>
    /// A sample says the daemon answered at that time, not that it is synced now, so the state stays "not connected" unless
    /// the sample is fresh, and then it is "synced" only in the sense that the sampler could read a tip.
    /// </summary>
    private async Task<PoolStatus> SampledAsync(string poolId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.NetworkStats.AsNoTracking()
            .Where(s => s.PoolId == poolId)
            .OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return new PoolStatus(poolId, DaemonState.NotConnected, null, null, null, null);
        }

        var fresh = clock.GetUtcNow() - latest.CreatedAt <= FreshFor;
        return new PoolStatus(poolId, fresh ? DaemonState.Synced : DaemonState.NotConnected, latest.Height,
            latest.NetworkDifficulty, latest.NetworkHashrate, latest.CreatedAt, fresh ? null : "last sample is old", latest.LastBlockTime);
    }
}
