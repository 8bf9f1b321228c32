using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Regions;

/// <summary>
/// Writes this instance's <see cref="RegionHeartbeat"/> row every <see cref="RegionOptions.HeartbeatInterval"/>. A hosted
/// service in every instance, not a Hangfire job: Hangfire runs a recurring job once across the cluster, and each instance
/// must speak for itself. A database failure is logged and the next tick tries again; nothing else waits on it (stratum
/// keeps serving while the database is away). After each write it looks for other live instances holding the same instance
/// prefix, and logs an error while one does.
/// </summary>
public sealed partial class RegionHeartbeatWriter(
    InstanceIdentity self,
    IRegionPoolStateSource pools,
    IDbContextFactory<ApplicationDbContext> contexts,
    IOptions<RegionOptions> options,
    HeartbeatStatus status,
    TimeProvider time,
    ILogger<RegionHeartbeatWriter> logger) : BackgroundService
{
    private DateTimeOffset? _lastWritten;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        try
        {
            do
            {
                await BeatAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the row simply ages into "down".
        }
    }

    /// <summary>One heartbeat: upsert the row, then check the prefix. False when the database could not be reached.</summary>
    public async Task<bool> BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var poolStates = await pools.GetAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.RegionHeartbeats.FirstOrDefaultAsync(h => h.InstanceId == self.InstanceId, cancellationToken).ConfigureAwait(false);
            var found = row is not null;
            if (row is null)
            {
                row = new RegionHeartbeat { InstanceId = self.InstanceId, Region = self.Region, StratumHost = self.StratumHost };
                db.RegionHeartbeats.Add(row);
            }

            // Our row as we left it, unless another process writes under our id (the previous run's row before our first
            // write is no such sign: it is simply replaced). A missing row is none either: an admin forgot this instance
            // while it was cut off from the database, or the retention job dropped it, and it simply lists itself anew.
            var duplicate = found && _lastWritten is { } last
                && (!SameInstant(row.LastSeenAt, last) || !SameInstant(row.StartedAt, self.StartedAt));
            if (duplicate)
            {
                LogDuplicate(logger, self.InstanceId);
            }

            row.Region = self.Region;
            row.StratumHost = self.StratumHost;
            row.PublicUrl = self.PublicUrl;
            row.InstancePrefix = self.InstancePrefix;
            row.Version = InstanceIdentity.Version;
            row.StartedAt = self.StartedAt;
            row.LastSeenAt = now;
            row.PoolsJson = RegionPoolState.Serialize(poolStates);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            _lastWritten = now;

            var collisions = await FindCollisionsAsync(db, now, cancellationToken).ConfigureAwait(false);
            foreach (var other in collisions)
            {
                LogCollision(logger, self.InstancePrefix, other, self.InstanceId);
            }

            status.OnWritten(now, collisions, duplicate);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any database failure (connection refused, timeout, lock) waits for the next tick.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, self.InstanceId);
            status.OnFailed(e.GetBaseException().Message);
            return false;
        }
    }

    private async Task<IReadOnlyList<string>> FindCollisionsAsync(ApplicationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - options.Value.DownAfter;
        var prefix = self.InstancePrefix;
        var id = self.InstanceId;
        return await db.RegionHeartbeats.AsNoTracking()
            .Where(h => h.InstanceId != id && h.InstancePrefix == prefix && h.LastSeenAt >= since)
            .OrderBy(h => h.InstanceId)
            .Select(h => h.InstanceId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL keeps microseconds; a tick-exact comparison would see every read-back as someone else's write.</summary>
    private static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => Math.Abs((a - b).TotalMilliseconds) < 1;

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Another running process writes the heartbeat of instance {Instance}: give each instance its own Pool:InstanceId (or machine name), or the two hide each other from the region lists.")]
    private static partial void LogDuplicate(ILogger logger, string instance);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Instance prefix {Prefix} is also used by live instance {Other} (this is {Self}): miners of both may get the same extranonce1 and duplicate work. Give each instance its own Stratum:InstancePrefix.")]
    private static partial void LogCollision(ILogger logger, int prefix, string other, string self);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of {Instance} not written; retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string instance);
}
