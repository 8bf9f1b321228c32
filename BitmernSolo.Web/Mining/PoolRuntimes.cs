using System.Diagnostics.CodeAnalysis;

namespace BitmernSolo.Web.Mining;

/// <summary>Every enabled pool whose work could be set up (<see cref="PoolRuntimeFactory"/>), by id.</summary>
public sealed class PoolRuntimes(IEnumerable<PoolRuntime> pools) : IDisposable
{
    private readonly Dictionary<string, PoolRuntime> _byId = pools.ToDictionary(p => p.PoolId, StringComparer.Ordinal);

    public IReadOnlyCollection<PoolRuntime> All => _byId.Values;

    public bool TryGet(string poolId, [NotNullWhen(true)] out PoolRuntime? pool) => _byId.TryGetValue(poolId, out pool);

    public void Dispose()
    {
        foreach (var pool in _byId.Values)
        {
            pool.Dispose();
        }
    }
}
