using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Web.Pools;

/// <summary>A configured pool together with its coin network from the registry.</summary>
public sealed record ConfiguredPool(CoinPoolOptions Options, CoinNetwork Network)
{
    public string Id => Options.Id;

    public bool Enabled => Options.Enabled;

    /// <summary>"Litecoin regtest".</summary>
    public string DisplayName => Network.DisplayName;

    public string Symbol => Network.Coin.Symbol;

    public uint ShareMultiplier => Network.ShareMultiplier;

    /// <summary>Satoshis to coins: every supported coin has 8 decimals.</summary>
    public static decimal ToCoins(long satoshis) => satoshis / 100_000_000m;
}
