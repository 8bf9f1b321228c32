namespace BitmernSolo.Web.Configuration;

/// <summary>
/// Coin and network names accepted in configuration.
/// </summary>
/// <remarks>
/// A stop-gap: the coin registry in <c>BitmernSolo.Stratum/Coins</c> is the real source and replaces this list when it lands.
/// </remarks>
public static class KnownCoins
{
    public static IReadOnlyList<string> Names { get; } =
        ["bitcoin", "bitcoin-cash", "litecoin", "dogecoin", "digibyte-sha256", "digibyte-scrypt"];

    public static IReadOnlyList<string> Networks { get; } = ["main", "test", "regtest"];

    public static bool IsKnownCoin(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    public static bool IsKnownNetwork(string? name) => name is not null && Networks.Contains(name, StringComparer.Ordinal);
}
