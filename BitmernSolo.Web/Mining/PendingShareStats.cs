using BitmernSolo.Stratum.Shares;
using BitmernSolo.Web.Data.Pool;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Share counters taken from the aggregator but not yet written, merged per worker and minute bucket: while the database
/// is down they wait here (memory grows with workers × minutes of outage, not with shares) and go out with the next flush.
/// Not thread-safe: <see cref="ShareStatsFlusher"/> serializes access.
/// </summary>
internal sealed class PendingShareStats
{
    private readonly Dictionary<(WorkerKey Worker, DateTimeOffset Bucket), ShareCounters> _buckets = [];

    public int Count => _buckets.Count;

    public IEnumerable<WorkerKey> Workers => _buckets.Keys.Select(k => k.Worker).Distinct();

    public static DateTimeOffset BucketOf(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>Adds an interval to the bucket of its last share (the minute it was counted in when it had none).</summary>
    public void Add(ShareCounters counters, DateTimeOffset now)
    {
        var key = (counters.Worker, BucketOf(counters.LastShareTime ?? now));
        _buckets[key] = _buckets.TryGetValue(key, out var existing) ? Merge(existing, counters) : counters;
    }

    public IEnumerable<ShareStat> ToRows(string? region) => _buckets.Select(entry => new ShareStat
    {
        PoolId = entry.Key.Worker.PoolId,
        Address = entry.Key.Worker.Address,
        Worker = entry.Key.Worker.Worker,
        Region = region,
        BucketStart = entry.Key.Bucket,
        BucketSeconds = 60,
        Accepted = entry.Value.Accepted,
        DifficultySum = entry.Value.SumDifficulty,
        RejectedStale = entry.Value.RejectedStale,
        RejectedDuplicate = entry.Value.RejectedDuplicate,
        RejectedLowDifficulty = entry.Value.RejectedLowDifficulty,
        // Unauthorized and malformed submissions have no column of their own.
        RejectedOther = entry.Value.RejectedOther + entry.Value.RejectedUnauthorized,
        BestShare = entry.Value.BestDifficulty,
    });

    /// <summary>The newest share time and whether any share was accepted, per worker, over every pending bucket.</summary>
    public Dictionary<WorkerKey, (DateTimeOffset? LastShare, bool Accepted)> Summary()
    {
        var summary = new Dictionary<WorkerKey, (DateTimeOffset? LastShare, bool Accepted)>();
        foreach (var counters in _buckets.Values)
        {
            summary.TryGetValue(counters.Worker, out var seen);
            summary[counters.Worker] = (Max(seen.LastShare, counters.LastShareTime), seen.Accepted || counters.Accepted > 0);
        }

        return summary;
    }

    public void Clear() => _buckets.Clear();

    private static ShareCounters Merge(ShareCounters a, ShareCounters b) => new(
        a.Worker,
        a.Accepted + b.Accepted,
        a.RejectedOther + b.RejectedOther,
        a.RejectedStale + b.RejectedStale,
        a.RejectedDuplicate + b.RejectedDuplicate,
        a.RejectedLowDifficulty + b.RejectedLowDifficulty,
        a.RejectedUnauthorized + b.RejectedUnauthorized,
        a.SumDifficulty + b.SumDifficulty,
        Math.Max(a.BestDifficulty, b.BestDifficulty),
        Max(a.LastShareTime, b.LastShareTime));

    internal static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
