using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Stratum.Shares;

/// <summary>
/// One worker's live counters. A session holds a reference after authorize, so recording a share is a lock and a few
/// additions: no lookup and no allocation per share.
/// </summary>
public sealed class WorkerShareStats
{
    private readonly Lock _lock = new();
    private readonly long[] _rejected = new long[6]; // index: StratumError - 20
    private long _accepted;
    private double _sum;
    private double _best;
    private DateTimeOffset? _lastShare;
    private long _totalAccepted;
    private long _totalRejected;
    private double _totalSum;
    private BestSinceBlock? _bestSinceBlock; // made by the first accepted share or block: one per connection, most never need it
    private double _bestEver;

    internal WorkerShareStats(WorkerKey key) => Key = key;

    public WorkerKey Key { get; }

    /// <summary>An accepted share credited at <paramref name="assignedDifficulty"/>; <paramref name="achievedDifficulty"/> feeds "best share".</summary>
    public void RecordAccepted(double assignedDifficulty, double achievedDifficulty, DateTimeOffset time)
    {
        lock (_lock)
        {
            _accepted++;
            _totalAccepted++;
            _sum += assignedDifficulty;
            _totalSum += assignedDifficulty;
            _best = Math.Max(_best, achievedDifficulty);
            (_bestSinceBlock ??= new()).Add(time, achievedDifficulty);
            _bestEver = Math.Max(_bestEver, achievedDifficulty);
            _lastShare = time;
        }
    }

    public void RecordRejected(StratumError reason, DateTimeOffset time)
    {
        var index = Math.Clamp((int)reason - (int)StratumError.Other, 0, _rejected.Length - 1);
        lock (_lock)
        {
            _rejected[index]++;
            _totalRejected++;
            _lastShare = time;
        }
    }

    internal void ResetBestSinceBlock(DateTimeOffset blockTime)
    {
        lock (_lock)
        {
            (_bestSinceBlock ??= new()).StartAt(blockTime);
        }
    }

    /// <summary>Returns the counters since the previous call and starts a new interval; null when nothing happened.</summary>
    internal ShareCounters? TakeInterval()
    {
        lock (_lock)
        {
            if (_accepted == 0 && _rejected.AsSpan().IndexOfAnyExcept(0L) < 0)
            {
                return null;
            }

            var counters = new ShareCounters(Key, _accepted, _rejected[0], _rejected[1], _rejected[2], _rejected[3], _rejected[4],
                _sum, _best, _lastShare);
            _accepted = 0;
            _sum = 0;
            _best = 0;
            Array.Clear(_rejected);
            return counters;
        }
    }

    internal WorkerShareTotals Totals()
    {
        lock (_lock)
        {
            return new WorkerShareTotals(Key, _totalAccepted, _totalRejected, _totalSum, _bestSinceBlock?.Best ?? 0, _bestEver, _lastShare);
        }
    }
}
