using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// A session's hashrate from the difficulty it was credited over the last 5–10 minutes (or since it connected): two
/// tumbling 5-minute buckets, so a share costs an addition and at most one roll, no allocation. The owner serializes access.
/// </summary>
internal struct SessionHashrateWindow(DateTimeOffset since)
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);
    private readonly DateTimeOffset _since = since;
    private DateTimeOffset _bucketStart = since;
    private double _current;
    private double _previous;

    public void Record(double difficulty, DateTimeOffset now)
    {
        (_bucketStart, _current, _previous) = Rolled(now);
        _current += difficulty;
    }

    /// <summary>Hashes per second over the window ending at <paramref name="now"/>; 0 before any share.</summary>
    public readonly double Estimate(DateTimeOffset now, uint shareMultiplier)
    {
        var (start, current, previous) = Rolled(now);
        var from = start - Bucket > _since ? start - Bucket : _since;
        return HashrateMath.FromDifficultySum(current + previous, (now - from).TotalSeconds, shareMultiplier);
    }

    private readonly (DateTimeOffset Start, double Current, double Previous) Rolled(DateTimeOffset now)
    {
        var elapsed = now - _bucketStart;
        if (elapsed < Bucket)
        {
            return (_bucketStart, _current, _previous);
        }

        var buckets = elapsed.Ticks / Bucket.Ticks;
        return (_bucketStart + (Bucket * buckets), 0, buckets == 1 ? _current : 0);
    }
}
