using System.Collections.Concurrent;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Once a minute (on the minute, and once more on shutdown) drains the share aggregator into <c>ShareStats</c> rows (one per
/// worker and minute) and brings <c>Workers</c> up to date (last share, best shares, online, last difficulty, user agent):
/// one database round per minute, never one write per share. A failed write keeps everything for the next flush.
/// </summary>
public sealed class ShareStatsFlusher(
    ShareAggregator shares,
    PersistentWorkerDifficultyStore difficulties,
    IDbContextFactory<ApplicationDbContext> database,
    IOptions<PoolOptions> site,
    PoolActivity activity,
    TimeProvider time,
    ILogger<ShareStatsFlusher> logger) : BackgroundService
{
    // Never disposed: the host may stop this service after the container disposed it (WebApplicationFactory on Kestrel does),
    // and a SemaphoreSlim without a wait handle holds nothing to release.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PendingShareStats _pending = new();
    private readonly ConcurrentDictionary<WorkerKey, string> _userAgents = new();

    /// <summary>
    /// Saves of one flush before it gives up until the next minute (keeping everything): each retry follows another
    /// writer's change to a row between this flush's read and its write, which takes two regions flushing one worker at
    /// the same moment, or the offline check or a found block in that moment.
    /// </summary>
    private const int WriteAttempts = 5;

    /// <summary>Addresses per query reading the rows a flush writes: a parameter each, far below either provider's limit.</summary>
    private const int AddressesPerQuery = 1000;

    /// <summary>Restores worker difficulties before Kestrel accepts the first miner (hosted services start first).</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await difficulties.LoadAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Remembers a worker's user agent for its next <c>Workers</c> update.</summary>
    internal void OnWorkerConnected(WorkerKey worker, string? userAgent)
    {
        if (!string.IsNullOrEmpty(userAgent))
        {
            _userAgents[worker] = userAgent.Length > 128 ? userAgent[..128] : userAgent;
        }
    }

    /// <summary>Takes the interval since the last flush and writes it with whatever earlier flushes could not; true when written.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var interval = shares.TakeInterval();
            foreach (var counters in interval)
            {
                _pending.Add(counters, now);
            }

            if (interval.Count > 0)
            {
                activity.OnSharesCounted(interval);
            }

            var dirty = difficulties.TakeDirty();
            if (_pending.Count == 0 && dirty.Count == 0 && _userAgents.IsEmpty)
            {
                return true;
            }

            try
            {
                await WriteAsync(dirty, cancellationToken).ConfigureAwait(false);
                _pending.Clear();
                return true;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                difficulties.ReturnDirty(dirty);
                logger.LogError(e, "Could not write share statistics ({Buckets} worker-minutes kept in memory for the next flush).", _pending.Count);
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // On the minute: an interval's shares then all fall in the minute that just ended.
                var now = time.GetUtcNow();
                var next = PendingShareStats.BucketOf(now).AddMinutes(1).AddMilliseconds(200);
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync flushes once more.
        }
    }

    private async Task WriteAsync(IReadOnlyDictionary<WorkerKey, double> dirty, CancellationToken cancellationToken)
    {
        var region = site.Value.Region;
        var summary = _pending.Summary();
        var userAgents = _userAgents.ToDictionary();
        var workers = summary.Keys.Concat(dirty.Keys).Concat(userAgents.Keys).ToHashSet();
        var pools = workers.Select(k => k.PoolId).ToHashSet(StringComparer.Ordinal);
        List<WorkerState> inserting;

        await using var context = await database.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        context.ShareStats.AddRange(_pending.ToRows(region));
        var existing = await ReadAsync(context.Workers, workers, cancellationToken).ConfigureAwait(false);
        var totals = await RecordedBlocks.TotalsSinceLastBlocksAsync(shares, context, pools, cancellationToken).ConfigureAwait(false);
        foreach (var key in workers)
        {
            if (!existing.TryGetValue(key, out var state))
            {
                state = new WorkerState { PoolId = key.PoolId, Address = key.Address, Worker = key.Worker };
                context.Workers.Add(state);
            }

            Apply(state);
        }

        // Another region flushes the same workers at the same moment (and the offline check and a found block write them
        // too): a row changed or inserted since it was read fails the save (WorkerState.Version, the key), which rolls back
        // as a whole; those rows are read again, then the blocks (the change may have been a found block's reset), and this
        // flush's values applied to what the other wrote.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                inserting = [.. context.ChangeTracker.Entries<WorkerState>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DbUpdateException) when (attempt < WriteAttempts)
            {
                var changed = await ReadChangedRowsAgainAsync(context, cancellationToken).ConfigureAwait(false);
                if (changed.Count == 0)
                {
                    throw;
                }

                totals = await RecordedBlocks.TotalsSinceLastBlocksAsync(shares, context, pools, cancellationToken).ConfigureAwait(false);
                foreach (var row in changed)
                {
                    Apply(row);
                }
            }
        }

        foreach (var (key, agent) in userAgents)
        {
            _userAgents.TryRemove(new KeyValuePair<WorkerKey, string>(key, agent));
        }

        // After the write, which must not be made again (its share statistics are in): neither a failure nor a stop may
        // throw out of here, and the next block puts such a row right anyway.
        try
        {
            await RecordedBlocks.CorrectInsertedRowsAsync(shares, context, inserting, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not check the best shares of new workers against a block recorded while they were written.");
        }

        // This flush's values on a row as read: the maxima (last share, best shares) over what the row holds.
        void Apply(WorkerState state)
        {
            var key = KeyOf(state);
            state.Region = region ?? state.Region;
            if (summary.TryGetValue(key, out var seen))
            {
                state.LastShareAt = PendingShareStats.Max(state.LastShareAt, seen.LastShare);
                if (seen.Accepted)
                {
                    // OfflineSince is left to the offline check: a share after it is how the check knows the outage
                    // ended and sends the back-online notice (clearing it here swallowed that notice).
                    state.Online = true;

                    // Written even when it was true on reading: the offline check may have cleared it since, and this share
                    // is newer than anything that check saw (unwritten, the worker showed offline while mining).
                    var entry = context.Entry(state);
                    if (entry.State != EntityState.Added)
                    {
                        entry.Property(w => w.Online).IsModified = true;
                    }
                }
            }

            if (totals.TryGetValue(key, out var total))
            {
                state.BestShareEver = Math.Max(state.BestShareEver, total.BestEver);
                state.BestShareSinceBlock = Math.Max(state.BestShareSinceBlock, total.BestSinceLastBlock);
            }

            if (dirty.TryGetValue(key, out var difficulty))
            {
                state.LastDifficulty = difficulty;
            }

            if (userAgents.TryGetValue(key, out var agent))
            {
                state.UserAgent = agent;
            }
        }
    }

    /// <summary>
    /// After a failed save: each row this flush inserts that now exists, or updates that another writer changed since it was
    /// read (its <see cref="WorkerState.Version"/> moved), read again and tracked in place of this flush's version, for this
    /// flush's values to be applied to it afresh. Empty when there was none (the failure was something else).
    /// </summary>
    private static async Task<List<WorkerState>> ReadChangedRowsAgainAsync(ApplicationDbContext context, CancellationToken cancellationToken)
    {
        var writing = context.ChangeTracker.Entries<WorkerState>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var current = await ReadAsync(context.Workers.AsNoTracking(), writing.Select(e => KeyOf(e.Entity)).ToHashSet(), cancellationToken)
            .ConfigureAwait(false);
        var changed = new List<WorkerState>();
        foreach (var entry in writing)
        {
            var key = KeyOf(entry.Entity);
            if (current.TryGetValue(key, out var row)
                ? entry.State == EntityState.Modified && row.Version == entry.Property(w => w.Version).OriginalValue
                : entry.State == EntityState.Added)
            {
                continue;
            }

            // Changed or inserted by another writer, or (by nobody today) deleted: start again from the row as it is now.
            entry.State = EntityState.Detached;
            if (row is null)
            {
                row = new WorkerState { PoolId = key.PoolId, Address = key.Address, Worker = key.Worker };
                context.Workers.Add(row);
            }
            else
            {
                context.Workers.Attach(row);
            }

            changed.Add(row);
        }

        return changed;
    }

    /// <summary>
    /// The <c>Workers</c> rows of <paramref name="keys"/> that exist, read by pool and address (a few queries even for
    /// thousands of workers) rather than every row of the pools, most of them workers long gone.
    /// </summary>
    private static async Task<Dictionary<WorkerKey, WorkerState>> ReadAsync(
        IQueryable<WorkerState> rows, HashSet<WorkerKey> keys, CancellationToken cancellationToken)
    {
        var read = new Dictionary<WorkerKey, WorkerState>();
        foreach (var pool in keys.GroupBy(k => k.PoolId))
        {
            var poolId = pool.Key;
            foreach (var addresses in pool.Select(k => k.Address).Distinct(StringComparer.Ordinal).Chunk(AddressesPerQuery))
            {
                var found = await rows.Where(w => w.PoolId == poolId && addresses.Contains(w.Address))
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var row in found.Where(r => keys.Contains(KeyOf(r))))
                {
                    read[KeyOf(row)] = row;
                }
            }
        }

        return read;
    }

    private static WorkerKey KeyOf(WorkerState row) => new(row.PoolId, row.Address, row.Worker);
}
