using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Jobs;

/// <summary>
/// Daily: share and network statistics older than <c>Stats:RetentionDays</c> are deleted, and so are region heartbeats whose
/// instance last beat before then (a region that was retired or renamed), <c>Stats:DeleteBatchSize</c> rows per statement so
/// the embedded database is never locked for long; so are stratum bans that have expired. Blocks and payments are the
/// pool's record and stay.
/// </summary>
public sealed class StatsRetentionJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    IOptions<StatsOptions> options,
    TimeProvider clock) : IRecurringPoolJob
{
    public string Id => "stats-retention";

    public string Schedule => Cron.Daily(3, 17);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(settings.RetentionDays);
        int deleted;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = await db.ShareStats.Where(s => s.BucketStart < cutoff).OrderBy(s => s.Id).Select(s => s.Id)
                .Take(settings.DeleteBatchSize).ToListAsync(cancellationToken);
            deleted = ids.Count == 0 ? 0 : await db.ShareStats.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        while (deleted == settings.DeleteBatchSize);

        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = await db.NetworkStats.Where(s => s.CreatedAt < cutoff).OrderBy(s => s.Id).Select(s => s.Id)
                .Take(settings.DeleteBatchSize).ToListAsync(cancellationToken);
            deleted = ids.Count == 0 ? 0 : await db.NetworkStats.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        while (deleted == settings.DeleteBatchSize);

        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = await db.RegionHeartbeats.Where(h => h.LastSeenAt < cutoff).OrderBy(h => h.InstanceId).Select(h => h.InstanceId)
                .Take(settings.DeleteBatchSize).ToListAsync(cancellationToken);

            // The beat is checked again in the delete: an instance that came back since the select keeps its row.
            deleted = ids.Count == 0 ? 0 : await db.RegionHeartbeats.Where(h => ids.Contains(h.InstanceId) && h.LastSeenAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken);
        }
        while (deleted == settings.DeleteBatchSize);

        // Expired bans: no instance loads them any more. Few rows, one statement.
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Bans.Where(b => b.ExpiresAt != null && b.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
