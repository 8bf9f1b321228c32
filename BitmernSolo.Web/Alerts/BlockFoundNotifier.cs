using System.Threading.Channels;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Hands a found block to <see cref="BlockFoundAlertJob"/> through Hangfire, off the stratum's path. The stratum raises
/// <c>BlockFound</c> on the miner's own session: enqueueing there would put a database round trip (Hangfire.PostgreSql) on
/// it, and an exception while the database is down would close the miner's connection. So the notice is queued in memory and
/// a background loop enqueues it, retrying with back-off until the job store takes it (the alert job is idempotent).
/// </summary>
internal sealed partial class BlockFoundNotifier(IBackgroundJobClient jobs, TimeProvider time, ILogger<BlockFoundNotifier> logger)
    : BackgroundService, IBlockFoundNotifier
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    // Blocks are rare; the bound only stops a runaway producer. TryWrite never blocks a session.
    private readonly Channel<Notice> _queue = Channel.CreateBounded<Notice>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public void NotifyBlockFound(string poolId, long height, string hash, string minerAddress, string? worker, DateTimeOffset foundAt)
    {
        if (!_queue.Writer.TryWrite(new Notice(poolId, height, hash, minerAddress, worker, foundAt)))
        {
            LogDropped(logger, height, hash);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var delay = TimeSpan.FromSeconds(1);
                while (!TryEnqueue(notice))
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a notice not yet handed over is not lost: FoundBlockRecorder records the block and BlockFoundSweepJob
            // sends any block-found notice missing from the notification log.
        }
    }

    private bool TryEnqueue(Notice n)
    {
        try
        {
            jobs.Enqueue<BlockFoundAlertJob>(job => job.RunAsync(n.PoolId, n.Height, n.Hash, n.MinerAddress, n.Worker, n.FoundAt, CancellationToken.None));
            return true;
        }
        catch (BackgroundJobClientException e)
        {
            LogRetry(logger, e, n.Height, n.Hash);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the block-found alert for block {Height} {Hash}; retrying.")]
    private static partial void LogRetry(ILogger logger, Exception exception, long height, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Block-found alert queue full: no alert for block {Height} {Hash}.")]
    private static partial void LogDropped(ILogger logger, long height, string hash);

    private sealed record Notice(string PoolId, long Height, string Hash, string MinerAddress, string? Worker, DateTimeOffset FoundAt);
}

/// <summary>
/// Tells each user who saved the finder's address by the time the block was found, once per block (key
/// <c>block-found:{pool}:{hash}:{user}</c>). The fast path, from the stratum event; <see cref="BlockFoundSweepJob"/> catches
/// what a restart took from Hangfire's queue, by the same rule (<see cref="AlertWatcher.SavedBy"/>).
/// </summary>
public sealed class BlockFoundAlertJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    NotificationOutbox outbox,
    AlertTemplates templates,
    TimeProvider clock)
{
    public async Task RunAsync(
        string poolId, long height, string hash, string minerAddress, string? worker, DateTimeOffset foundAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var watchers = await AlertWatcher.LoadAsync(db, poolId, minerAddress, cancellationToken);
        foreach (var watcher in watchers.Where(w => w.Preference.BlockFound && w.SavedBy(foundAt)))
        {
            await QueueAsync(outbox, templates, watcher, poolId, height, hash, worker, cancellationToken);
        }
    }

    /// <summary>
    /// A job queued by a build before the saved-before rule (it stays in Hangfire's PostgreSQL storage across an upgrade, and
    /// Hangfire finds its method by this signature): judged by the block's recorded time, or now when the row is missing.
    /// </summary>
    [Obsolete("Queued by earlier builds only; new jobs carry the time the block was found.")]
    public async Task RunAsync(string poolId, long height, string hash, string minerAddress, string? worker, CancellationToken cancellationToken)
    {
        DateTimeOffset? foundAt;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foundAt = await db.Blocks.AsNoTracking().Where(b => b.PoolId == poolId && b.Hash == hash)
                .Select(b => (DateTimeOffset?)b.FoundAt).FirstOrDefaultAsync(cancellationToken);
        }

        await RunAsync(poolId, height, hash, minerAddress, worker, foundAt ?? clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The one notice per block and user, whichever path gets there first; the key makes the other a no-op.</summary>
    internal static Task<bool> QueueAsync(
        NotificationOutbox outbox, AlertTemplates templates, AlertWatcher watcher, string poolId, long height, string hash, string? worker,
        CancellationToken cancellationToken) =>
        outbox.QueueAsync(
            NotificationKinds.BlockFound, Key(poolId, hash, watcher.UserId),
            templates.BlockFound(watcher, poolId, height, hash, worker), cancellationToken);

    internal static string Key(string poolId, string hash, string userId) =>
        DeduplicationKey.Create(NotificationKinds.BlockFound, poolId, hash, userId);
}
