using System.Collections.Concurrent;

namespace BitmernSolo.Stratum.Shares;

/// <summary>
/// Aggregates every pool's shares in memory, per worker. The Web drains it once a minute (<see cref="TakeInterval"/>) and
/// writes one row per worker and minute; nothing here touches a database, and nothing is written per share.
/// Per-address figures are the sum of the address's workers (<see cref="SumByAddress"/>).
/// </summary>
public sealed class ShareAggregator
{
    private readonly ConcurrentDictionary<WorkerKey, WorkerShareStats> _workers = new();

    /// <summary>The live counters of a worker (created on first use); sessions keep the reference.</summary>
    public WorkerShareStats For(WorkerKey worker) => _workers.GetOrAdd(worker, static k => new WorkerShareStats(k));

    /// <summary>Counters of every worker with activity since the previous call; resets them.</summary>
    public IReadOnlyList<ShareCounters> TakeInterval()
    {
        var result = new List<ShareCounters>();
        foreach (var stats in _workers.Values)
        {
            if (stats.TakeInterval() is { } counters)
            {
                result.Add(counters);
            }
        }

        return result;
    }

    /// <summary>Totals of every worker seen since start (best share since the pool's last block and ever).</summary>
    public IReadOnlyList<WorkerShareTotals> Totals() => [.. _workers.Values.Select(static s => s.Totals())];

    /// <summary>
    /// A block of the pool at <paramref name="blockTime"/>: "best share since last block" of its workers keeps only their
    /// shares from that time on, including those accounted before this call (a block another region found, heard of late).
    /// Idempotent, and a block older than the last one changes nothing.
    /// </summary>
    public void ResetBestSinceBlock(string poolId, DateTimeOffset blockTime)
    {
        foreach (var stats in _workers.Values)
        {
            if (stats.Key.PoolId == poolId)
            {
                stats.ResetBestSinceBlock(blockTime);
            }
        }
    }

    /// <summary>Folds worker counters into one per (pool, address), worker name empty.</summary>
    public static IReadOnlyList<ShareCounters> SumByAddress(IEnumerable<ShareCounters> counters) =>
    [
        .. counters.GroupBy(static c => c.Worker with { Worker = string.Empty }).Select(static g => new ShareCounters(
            g.Key,
            g.Sum(static c => c.Accepted),
            g.Sum(static c => c.RejectedOther),
            g.Sum(static c => c.RejectedStale),
            g.Sum(static c => c.RejectedDuplicate),
            g.Sum(static c => c.RejectedLowDifficulty),
            g.Sum(static c => c.RejectedUnauthorized),
            g.Sum(static c => c.SumDifficulty),
            g.Max(static c => c.BestDifficulty),
            g.Max(static c => c.LastShareTime))),
    ];
}
