using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Web.Daemons;

/// <summary>Network hashrate when the daemon does not say (DigiByte's <c>getmininginfo</c> reports 0 per algorithm).</summary>
public static class NetworkHashrate
{
    /// <summary>DigiByte MultiAlgo: five algorithms share the chain's 15 s spacing, so each finds a block every 75 s.</summary>
    private const int MultiAlgoCount = 5;

    /// <summary>The daemon's figure when positive, else difficulty × 2^32 / seconds between this algorithm's blocks.</summary>
    public static double Resolve(double reported, double difficulty, CoinNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (reported > 0)
        {
            return reported;
        }

        var spacing = network.BlockTimeSeconds * (network.Coin.GbtAlgorithm is null ? 1 : MultiAlgoCount);
        return difficulty * 4_294_967_296d / spacing;
    }
}
