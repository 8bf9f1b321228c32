using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace BitmernSolo.Stratum.Coins;

/// <summary>Every coin and network the pool can mine. The single source for coin ids that configuration accepts.</summary>
public static class CoinRegistry
{
    /// <summary>All coins, in a stable order.</summary>
    public static ImmutableArray<CoinDefinition> All { get; } =
    [
        BitcoinCoin.Create(),
        BitcoinCashCoin.Create(),
        LitecoinCoin.Create(),
        DogecoinCoin.Create(),
        DigiByteCoin.CreateSha256(),
        DigiByteCoin.CreateScrypt(),
    ];

    /// <summary>"bitcoin", "bitcoin-cash", "litecoin", "dogecoin", "digibyte-sha256", "digibyte-scrypt".</summary>
    public static ImmutableArray<string> CoinIds { get; } = [.. All.Select(c => c.Id)];

    /// <summary>Every (coin, network) pair.</summary>
    public static ImmutableArray<CoinNetwork> AllNetworks { get; } = [.. All.SelectMany(c => c.Networks)];

    /// <summary>Coin ids compare case-insensitively.</summary>
    public static bool TryGet(string? coinId, [NotNullWhen(true)] out CoinDefinition? coin)
    {
        coin = All.FirstOrDefault(c => string.Equals(c.Id, coinId?.Trim(), StringComparison.OrdinalIgnoreCase));
        return coin is not null;
    }

    public static bool TryGet(string? coinId, NetworkKind network, [NotNullWhen(true)] out CoinNetwork? coinNetwork)
    {
        coinNetwork = TryGet(coinId, out var coin) ? coin[network] : null;
        return coinNetwork is not null;
    }

    /// <summary>Network names as in configuration: "main"/"mainnet", "test"/"testnet", "regtest".</summary>
    public static bool TryGet(string? coinId, string? network, [NotNullWhen(true)] out CoinNetwork? coinNetwork)
    {
        coinNetwork = null;
        return NetworkKindNames.TryParse(network, out var kind) && TryGet(coinId, kind, out coinNetwork);
    }

    /// <summary>Throws <see cref="KeyNotFoundException"/> for an unknown coin id; for code paths where config was validated.</summary>
    public static CoinNetwork Get(string coinId, NetworkKind network) =>
        TryGet(coinId, network, out var result)
            ? result
            : throw new KeyNotFoundException($"Unknown coin '{coinId}'. Known: {string.Join(", ", CoinIds)}.");
}
