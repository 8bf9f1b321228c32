using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Web.Configuration;

/// <summary>Coin and network names accepted in configuration: the Stratum coin registry is the one source.</summary>
public static class KnownCoins
{
    public static IReadOnlyList<string> Names { get; } = [.. CoinRegistry.CoinIds];

    public static IReadOnlyList<string> Networks { get; } = ["main", "test", "regtest"];

    public static bool IsKnownCoin(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    public static bool IsKnownNetwork(string? name) => name is not null && Networks.Contains(name, StringComparer.Ordinal);

    /// <summary>The registry entry of a configured pool; null when coin or network is unknown (validation says which).</summary>
    public static CoinNetwork? Find(string? coin, string? network) =>
        coin is not null && network is not null && CoinRegistry.TryGet(coin, network, out CoinNetwork? found) ? found : null;
}
