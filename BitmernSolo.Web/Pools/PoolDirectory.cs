using System.Diagnostics.CodeAnalysis;
using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Pools;

/// <summary>
/// The configured pools with their coin networks resolved, looked up by id case-insensitively (as in URLs), and the stratum
/// host for connection URLs. The API, the pages and the regional views all read pools through this one directory.
/// </summary>
/// <remarks>
/// Configuration is validated at start-up, so every pool's coin and network resolve; a pool that does not is left out
/// rather than failing here.
/// </remarks>
public sealed class PoolDirectory(IOptions<PoolListOptions> pools, IOptions<PoolOptions> site)
{
    /// <summary>Every configured pool, enabled or not, in configuration order.</summary>
    public IReadOnlyList<ConfiguredPool> All { get; } = [.. pools.Value.Pools
        .Select(p => KnownCoins.Find(p.Coin, p.Network) is { } network ? new ConfiguredPool(p, network) : null)
        .OfType<ConfiguredPool>()];

    public IEnumerable<ConfiguredPool> Enabled => All.Where(p => p.Enabled);

    public string StratumHost => site.Value.StratumHost;

    public ConfiguredPool? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public bool TryGet(string? id, [NotNullWhen(true)] out ConfiguredPool? pool)
    {
        pool = Find(id);
        return pool is not null;
    }
}
