using System.Collections.Concurrent;
using BitmernSolo.Stratum.Shares;

namespace BitmernSolo.Stratum.VarDiff;

/// <summary>
/// Remembers each worker's last difficulty (pool, address, worker) so a reconnecting miner starts where it left. Called on the session's hot path: implementations keep it in memory and persist in the background.
/// </summary>
public interface IWorkerDifficultyStore
{
    bool TryGetLast(WorkerKey worker, out double difficulty);

    void Remember(WorkerKey worker, double difficulty);
}

/// <summary>A process-lifetime store (the default until the Web registers a persistent one).</summary>
public sealed class InMemoryWorkerDifficultyStore : IWorkerDifficultyStore
{
    private const int MaxEntries = 1_000_000;
    private readonly ConcurrentDictionary<WorkerKey, double> _values = new();

    public bool TryGetLast(WorkerKey worker, out double difficulty) => _values.TryGetValue(worker, out difficulty);

    public void Remember(WorkerKey worker, double difficulty)
    {
        if (_values.Count < MaxEntries || _values.ContainsKey(worker))
        {
            _values[worker] = difficulty;
        }
    }
}
