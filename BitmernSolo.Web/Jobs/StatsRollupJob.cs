using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Jobs;

/// <summary>
/// Hourly: minute buckets older than <c>Stats:MinuteRetentionHours</c> become one hourly bucket per worker and hour, with
/// the same totals (sums of counts and difficulty, the best share). One hour per save, so each step is atomic and small; an
/// hourly row that already exists (a late minute row) is added to.
/// </summary>
public sealed class StatsRollupJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    IOptions<StatsOptions> options,
    TimeProvider clock) : IRecurringPoolJob
{
    public const int Hour = 3600;

    /// <summary>A backlog (first run after an upgrade, a long outage) is worked off over several runs.</summary>
    private const int MaxHoursPerRun = 24 * 7;

    public string Id => "stats-rollup";

    public string Schedule => Cron.Hourly(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = FloorToHour(clock.GetUtcNow() - TimeSpan.FromHours(options.Value.MinuteRetentionHours));
        for (var hour = 0; hour < MaxHoursPerRun; hour++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var oldest = await db.ShareStats
                .Where(s => s.BucketSeconds < Hour && s.BucketStart < cutoff)
                .OrderBy(s => s.BucketStart)
                .Select(s => (DateTimeOffset?)s.BucketStart)
                .FirstOrDefaultAsync(cancellationToken);
            if (oldest is null)
            {
                return;
            }

            await RollUpHourAsync(db, FloorToHour(oldest.Value), cancellationToken);
        }
    }

    internal static DateTimeOffset FloorToHour(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static async Task RollUpHourAsync(ApplicationDbContext db, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var end = start.AddHours(1);
        var minutes = await db.ShareStats
            .Where(s => s.BucketSeconds < Hour && s.BucketStart >= start && s.BucketStart < end)
            .ToListAsync(cancellationToken);
        var hours = await db.ShareStats
            .Where(s => s.BucketSeconds == Hour && s.BucketStart == start)
            .ToListAsync(cancellationToken);

        foreach (var group in minutes.GroupBy(s => (s.PoolId, s.Address, s.Worker, s.Region)))
        {
            var hourly = hours.FirstOrDefault(h => (h.PoolId, h.Address, h.Worker, h.Region) == group.Key);
            if (hourly is null)
            {
                hourly = new ShareStat
                {
                    PoolId = group.Key.PoolId,
                    Address = group.Key.Address,
                    Worker = group.Key.Worker,
                    Region = group.Key.Region,
                    BucketStart = start,
                    BucketSeconds = Hour,
                };
                db.ShareStats.Add(hourly);
            }

            foreach (var minute in group)
            {
                hourly.Accepted += minute.Accepted;
                hourly.DifficultySum += minute.DifficultySum;
                hourly.RejectedStale += minute.RejectedStale;
                hourly.RejectedDuplicate += minute.RejectedDuplicate;
                hourly.RejectedLowDifficulty += minute.RejectedLowDifficulty;
                hourly.RejectedOther += minute.RejectedOther;
                hourly.BestShare = Math.Max(hourly.BestShare, minute.BestShare);
            }
        }

        db.ShareStats.RemoveRange(minutes);
        await db.SaveChangesAsync(cancellationToken);
    }
}
