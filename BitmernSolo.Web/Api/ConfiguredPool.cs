using System.Diagnostics.CodeAnalysis;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Api;

/// <summary>A configured pool with its coin network resolved.</summary>
public sealed record ConfiguredPool(CoinPoolOptions Options, CoinNetwork Network)
{
    public string Id => Options.Id;

    /// <summary>Satoshis to coins: every supported coin has 8 decimals.</summary>
    public static decimal ToCoins(long satoshis) => satoshis / 100_000_000m;
}

/// <summary>Looks up configured pools by id (case-insensitive, as in URLs).</summary>
public sealed class PoolDirectory(IOptions<PoolListOptions> pools)
{
    public IReadOnlyList<ConfiguredPool> All { get; } =
        [.. pools.Value.Pools
            .Select(p => CoinRegistry.TryGet(p.Coin, p.Network, out var network) ? new ConfiguredPool(p, network) : null)
            .OfType<ConfiguredPool>()];

    public bool TryGet(string? id, [NotNullWhen(true)] out ConfiguredPool? pool)
    {
        pool = All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        return pool is not null;
    }
}
