namespace BitmernSolo.Web.Configuration;

/// <summary>
/// The <c>Pools</c> array, bound from the configuration root so validation messages use the operator's key paths
/// (<c>Pools:0:Coin</c>).
/// </summary>
public sealed class PoolListOptions
{
    public List<CoinPoolOptions> Pools { get; set; } = [];
}
