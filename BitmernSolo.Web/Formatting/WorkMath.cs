using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Web.Formatting;

/// <summary>
/// What the pages need on top of the shared <see cref="HashrateMath"/> (which owns the formulas): the difficulty a hashrate
/// settles at, time-span odds, and share difficulty in the network's units.
/// </summary>
public static class WorkMath
{
    public const double TwoPow32 = HashrateMath.HashesPerDifficulty;

    /// <summary>The stratum difficulty at which <paramref name="hashrate"/> finds a share every <paramref name="targetSeconds"/>.</summary>
    public static double DifficultyFor(double hashrate, double targetSeconds, uint shareMultiplier) =>
        hashrate * targetSeconds * shareMultiplier / TwoPow32;

    /// <summary>Chance of at least one block in <paramref name="period"/>: 1 − exp(−hashrate·t / (netdiff·2^32)).</summary>
    public static double BlockProbability(double hashrate, double networkDifficulty, TimeSpan period) =>
        HashrateMath.BlockProbability(hashrate, period.TotalSeconds, networkDifficulty);

    /// <summary>Average time to a block at this hashrate; null when it would never come.</summary>
    public static TimeSpan? ExpectedTimeToBlock(double hashrate, double networkDifficulty)
    {
        if (hashrate <= 0 || networkDifficulty <= 0)
        {
            return null;
        }

        var seconds = HashrateMath.ExpectedSecondsToBlock(hashrate, networkDifficulty);
        return seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A share's stratum difficulty in block-header units, comparable with network difficulty.</summary>
    public static double ToNetworkUnits(double shareDifficulty, uint shareMultiplier) =>
        shareDifficulty / Math.Max(1u, shareMultiplier);
}
