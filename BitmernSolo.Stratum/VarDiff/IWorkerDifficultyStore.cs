using System.Collections.Concurrent;

namespace BitmernSolo.Stratum.VarDiff;

/// <summary>
/// Remembers each worker's last difficulty (key: pool id and <c>address.worker</c>) so a reconnecting miner starts where it
/// left. Called on the session's hot path: implementations keep it in memory and persist in the background.
/// </summary>
public interface IWorkerDifficultyStore
{
    bool TryGetLast(string poolId, string workerName, out double difficulty);

    void Remember(string poolId, string workerName, double difficulty);
}

/// <summary>A process-lifetime store (the default until the Web registers a persistent one).</summary>
public sealed class InMemoryWorkerDifficultyStore : IWorkerDifficultyStore
{
    private const int MaxEntries = 1_000_000;
    private readonly ConcurrentDictionary<(string Pool, string Worker), double> _values = new();

    public bool TryGetLast(string poolId, string workerName, out double difficulty) =>
        _values.TryGetValue((poolId, workerName), out difficulty);

    public void Remember(string poolId, string workerName, double difficulty)
    {
        if (_values.Count < MaxEntries || _values.ContainsKey((poolId, workerName)))
        {
            _values[(poolId, workerName)] = difficulty;
        }
    }
}
