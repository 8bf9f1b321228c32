using System.Globalization;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Every minute: any worker silent for <see cref="OnlineWindow"/> is no longer counted online. For workers on saved addresses:
/// silent longer than the shortest watcher's threshold → marked offline (<see cref="WorkerState.OfflineSince"/> = its last share, which names the outage) and each watcher past their own threshold
/// is told once; a share after <see cref="WorkerState.OfflineSince"/> → online again, and those who were told hear it is back.
/// </summary>
/// <remarks>
/// The share flush (<see cref="Mining.ShareStatsFlusher"/>) moves <see cref="WorkerState.LastShareAt"/> and sets
/// <see cref="WorkerState.Online"/> while this job runs; this job owns <see cref="WorkerState.OfflineSince"/>. Each of its writes
/// is one conditional statement on the value its decision rests on, so a share flushed between its read and its write is
/// never overwritten by a decision made without it: the offline mark lands only if the last share is still the one read
/// (else no mark and no e-mail; the next run looks again). Each also advances <see cref="WorkerState.Version"/>, the row's
/// concurrency token: a flush that read the row before this write reads it again and applies its shares to what this job
/// wrote. Offline notices follow the mark: a crash in between is healed by the next run, which queues them again for a
/// worker still marked and silent (the deduplication keys absorb repeats; a worker back by then needs no offline notice).
/// Back-online notices are queued before the mark is cleared, so a crash there repeats them rather than losing them.
/// </remarks>
public sealed class WorkerOfflineCheckJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    NotificationOutbox outbox,
    AlertTemplates templates,
    TimeProvider clock) : IRecurringPoolJob
{
    public string Id => "worker-offline-check";

    public string Schedule => Cron.Minutely();

    /// <summary>
    /// Silence after which any worker, watched or not, stops counting as online (the API's connected miners, the pages'
    /// online workers). Alerts keep each watcher's own threshold; this only keeps the figures honest.
    /// </summary>
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stale = now - OnlineWindow;
        await db.Workers.Where(w => w.Online && (w.LastShareAt == null || w.LastShareAt < stale))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Online, false).AdvancingVersion(), cancellationToken);

        var watchers = await AlertWatcher.LoadAsync(db, null, null, cancellationToken);
        if (watchers.Count == 0)
        {
            return;
        }

        var byAddress = watchers.ToLookup(w => (w.PoolId, w.Address));
        var poolIds = watchers.Select(w => w.PoolId).Distinct().ToList();
        var addresses = watchers.Select(w => w.Address).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking()
            .Where(w => poolIds.Contains(w.PoolId) && addresses.Contains(w.Address) && w.LastShareAt != null)
            .ToListAsync(cancellationToken);

        foreach (var worker in workers)
        {
            var watching = byAddress[(worker.PoolId, worker.Address)].ToList();
            if (watching.Count == 0)
            {
                continue;
            }

            if (worker.OfflineSince is { } since && worker.LastShareAt > since)
            {
                await BackOnlineAsync(db, worker, since, watching, cancellationToken);
            }
            else
            {
                await CheckSilenceAsync(db, worker, watching, now, cancellationToken);
            }
        }
    }

    private async Task CheckSilenceAsync(
        ApplicationDbContext db, WorkerState worker, List<AlertWatcher> watching, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var alerting = watching.Where(w => w.Preference.WorkerOfflineMinutes is > 0).ToList();
        if (alerting.Count == 0)
        {
            return;
        }

        var silent = now - worker.LastShareAt!.Value;
        if (worker.OfflineSince is null)
        {
            if (silent < TimeSpan.FromMinutes(alerting.Min(w => w.Preference.WorkerOfflineMinutes!.Value)))
            {
                return;
            }

            // Only if LastShareAt is still the one read: a worker whose share was flushed since is not silent.
            var lastShare = worker.LastShareAt;
            var marked = await Row(db, worker)
                .Where(w => w.OfflineSince == null && w.LastShareAt == lastShare)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(w => w.Online, false).SetProperty(w => w.OfflineSince, lastShare).AdvancingVersion(),
                    cancellationToken);
            if (marked == 0)
            {
                return;
            }

            worker.OfflineSince = lastShare;
        }

        foreach (var watcher in alerting.Where(w => silent >= TimeSpan.FromMinutes(w.Preference.WorkerOfflineMinutes!.Value)))
        {
            await outbox.QueueAsync(
                NotificationKinds.WorkerOffline, OfflineKey(worker, worker.OfflineSince.Value, watcher),
                templates.WorkerOffline(watcher, worker, now), cancellationToken);
        }
    }

    private async Task BackOnlineAsync(
        ApplicationDbContext db, WorkerState worker, DateTimeOffset since, List<AlertWatcher> watching, CancellationToken cancellationToken)
    {
        foreach (var watcher in watching.Where(w => w.Preference.WorkerBackOnline))
        {
            // Only those told it was offline need to hear it is back.
            var offlineKey = OfflineKey(worker, since, watcher);
            if (await db.Notifications.AnyAsync(n => n.DeduplicationKey == offlineKey, cancellationToken))
            {
                await outbox.QueueAsync(
                    NotificationKinds.WorkerOnline,
                    DeduplicationKey.Create(NotificationKinds.WorkerOnline, worker.PoolId, worker.Address, worker.Worker, Ticks(since), watcher.UserId),
                    templates.WorkerBackOnline(watcher, worker, since), cancellationToken);
            }
        }

        await Row(db, worker)
            .Where(w => w.OfflineSince == since)
            .ExecuteUpdateAsync(
                set => set.SetProperty(w => w.Online, true).SetProperty(w => w.OfflineSince, (DateTimeOffset?)null).AdvancingVersion(),
                cancellationToken);
    }

    private static IQueryable<WorkerState> Row(ApplicationDbContext db, WorkerState worker) =>
        db.Workers.Where(w => w.PoolId == worker.PoolId && w.Address == worker.Address && w.Worker == worker.Worker);

    private static string OfflineKey(WorkerState worker, DateTimeOffset since, AlertWatcher watcher) =>
        DeduplicationKey.Create(NotificationKinds.WorkerOffline, worker.PoolId, worker.Address, worker.Worker, Ticks(since), watcher.UserId);

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
