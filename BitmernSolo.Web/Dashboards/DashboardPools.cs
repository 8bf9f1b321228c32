using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Dashboards;

/// <summary>A configured pool together with its coin network from the registry.</summary>
public sealed record PoolInfo(CoinPoolOptions Options, CoinNetwork Coin)
{
    public string Id => Options.Id;

    public bool Enabled => Options.Enabled;

    /// <summary>"Litecoin regtest".</summary>
    public string DisplayName => Coin.DisplayName;

    public string Symbol => Coin.Coin.Symbol;

    public uint ShareMultiplier => Coin.ShareMultiplier;
}

/// <summary>
/// The configured pools as the pages use them (configuration was validated at start-up, so every coin resolves), with the
/// stratum host for URLs. Overlaps the API's <c>Api.PoolDirectory</c>; one of the two can absorb the other.
/// </summary>
public sealed class DashboardPools(IOptions<PoolListOptions> pools, IOptions<PoolOptions> site)
{
    public IReadOnlyList<PoolInfo> All { get; } = [.. pools.Value.Pools
        .Select(p => KnownCoins.Find(p.Coin, p.Network) is { } coin ? new PoolInfo(p, coin) : null)
        .OfType<PoolInfo>()];

    public IEnumerable<PoolInfo> Enabled => All.Where(p => p.Enabled);

    public string StratumHost => site.Value.StratumHost;

    public PoolInfo? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}
