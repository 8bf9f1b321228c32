using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Formatting;

namespace BitmernSolo.Web.Dashboards;

/// <summary>
/// Turns stored work buckets (minute rows, hour roll-ups) into evenly spaced chart points. A bucket longer than the step is
/// spread evenly over the steps it covers, so an hourly roll-up does not show as one spike. Empty steps are zero: a miner
/// that stopped shows as stopped.
/// </summary>
public static class HashrateSeriesBuilder
{
    public static IReadOnlyList<HashratePoint> Build(
        IEnumerable<WorkBucket> buckets, DateTimeOffset end, ChartRange range, uint shareMultiplier)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var step = range.Step();
        var alignedEnd = AlignDown(end, step);
        var start = alignedEnd - range.Span();
        var count = (int)(range.Span().Ticks / step.Ticks);
        var work = new double[count];

        foreach (var bucket in buckets)
        {
            var bucketStart = bucket.Start;
            var bucketEnd = bucket.Start.AddSeconds(Math.Max(1, bucket.Seconds));
            if (bucketEnd <= start || bucketStart >= alignedEnd)
            {
                continue;
            }

            var perTick = bucket.DifficultySum / (bucketEnd - bucketStart).Ticks;
            var first = Math.Max(0, (int)((bucketStart - start).Ticks / step.Ticks));
            for (var i = first; i < count; i++)
            {
                var stepStart = start + (step * i);
                var stepEnd = stepStart + step;
                if (stepStart >= bucketEnd)
                {
                    break;
                }

                var overlap = (Min(stepEnd, bucketEnd) - Max(stepStart, bucketStart)).Ticks;
                if (overlap > 0)
                {
                    work[i] += perTick * overlap;
                }
            }
        }

        var points = new HashratePoint[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = new HashratePoint(start + (step * i), HashrateMath.FromDifficultySum(work[i], step.TotalSeconds, shareMultiplier));
        }

        return points;
    }

    /// <summary>Hashrate over [end − window, end) from the buckets that start inside it.</summary>
    public static double Window(IEnumerable<WorkBucket> buckets, DateTimeOffset end, TimeSpan window, uint shareMultiplier)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var start = end - window;
        var sum = buckets.Where(b => b.Start >= start && b.Start < end).Sum(b => b.DifficultySum);
        return HashrateMath.FromDifficultySum(sum, window.TotalSeconds, shareMultiplier);
    }

    /// <summary>Minute buckets are written when their minute is over; the windows end at the start of the current minute.</summary>
    public static DateTimeOffset AlignDown(DateTimeOffset instant, TimeSpan step)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % step.Ticks), TimeSpan.Zero);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
