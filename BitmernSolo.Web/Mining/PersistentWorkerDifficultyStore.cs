using System.Collections.Concurrent;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Each worker's last difficulty, in memory on the session's hot path and in <c>Workers.LastDifficulty</c> for restarts:
/// loaded once at start-up, changes marked dirty and written by the minute flush (<see cref="ShareStatsFlusher"/>).
/// </summary>
public sealed class PersistentWorkerDifficultyStore(IDbContextFactory<ApplicationDbContext> database, ILogger<PersistentWorkerDifficultyStore> logger)
    : IWorkerDifficultyStore
{
    private const int MaxEntries = 1_000_000;
    private readonly ConcurrentDictionary<WorkerKey, double> _values = new();
    private readonly ConcurrentDictionary<WorkerKey, double> _dirty = new();

    public bool TryGetLast(WorkerKey worker, out double difficulty) => _values.TryGetValue(worker, out difficulty);

    public void Remember(WorkerKey worker, double difficulty)
    {
        if (_values.Count < MaxEntries || _values.ContainsKey(worker))
        {
            _values[worker] = difficulty;
            _dirty[worker] = difficulty;
        }
    }

    /// <summary>Loads every remembered difficulty; a value remembered meanwhile (a miner faster than the database) wins.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var context = await database.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var rows = await context.Workers.AsNoTracking().Where(w => w.LastDifficulty > 0)
                .Select(w => new { w.PoolId, w.Address, w.Worker, w.LastDifficulty }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                _values.TryAdd(new WorkerKey(row.PoolId, row.Address, row.Worker), row.LastDifficulty);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Restored the last difficulty of {Count} workers.", rows.Count);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogError(e, "Could not load workers' last difficulties; reconnecting miners start at their port's difficulty.");
        }
    }

    /// <summary>The difficulties changed since the last call, no longer dirty.</summary>
    internal Dictionary<WorkerKey, double> TakeDirty()
    {
        var taken = new Dictionary<WorkerKey, double>();
        foreach (var key in _dirty.Keys)
        {
            if (_dirty.TryRemove(key, out var value))
            {
                taken[key] = value;
            }
        }

        return taken;
    }

    /// <summary>Marks values dirty again after a failed write, unless a newer value arrived meanwhile.</summary>
    internal void ReturnDirty(IReadOnlyDictionary<WorkerKey, double> values)
    {
        foreach (var (key, value) in values)
        {
            _dirty.TryAdd(key, value);
        }
    }
}
