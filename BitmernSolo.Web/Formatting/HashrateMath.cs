namespace BitmernSolo.Web.Formatting;

/// <summary>
/// Work and hashrate. A share of stratum difficulty d stands for d × 2^32 / multiplier hashes (multiplier 1 for SHA-256d,
/// 65536 for scrypt, whose stratum difficulty 1 is a target 2^16 times easier). Network difficulty is in block-header units
/// (multiplier 1 for both algorithms), so a block takes netdiff × 2^32 hashes on average.
/// </summary>
/// <remarks>Same semantics as the shared helper the API branch adds to BitmernSolo.Stratum/Targets; fold into it when merged.</remarks>
public static class HashrateMath
{
    public const double TwoPow32 = 4294967296d;

    /// <summary>Hashes per second from accepted share difficulty summed over <paramref name="seconds"/>.</summary>
    public static double FromDifficultySum(double difficultySum, double seconds, uint shareMultiplier)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shareMultiplier);
        return seconds <= 0 ? 0 : difficultySum * TwoPow32 / shareMultiplier / seconds;
    }

    /// <summary>The stratum difficulty at which <paramref name="hashrate"/> finds a share every <paramref name="targetSeconds"/>.</summary>
    public static double DifficultyFor(double hashrate, double targetSeconds, uint shareMultiplier) =>
        hashrate * targetSeconds * shareMultiplier / TwoPow32;

    /// <summary>Hashes per second the whole network spends to find a block every <paramref name="blockSeconds"/>.</summary>
    public static double NetworkHashrate(double networkDifficulty, double blockSeconds) =>
        blockSeconds <= 0 ? 0 : networkDifficulty * TwoPow32 / blockSeconds;

    /// <summary>
    /// Chance of at least one block in <paramref name="period"/>: 1 − exp(−hashrate·t / (netdiff·2^32)). A Poisson process;
    /// every hash is an independent lottery ticket whatever happened before.
    /// </summary>
    public static double BlockProbability(double hashrate, double networkDifficulty, TimeSpan period)
    {
        if (hashrate <= 0 || networkDifficulty <= 0 || period <= TimeSpan.Zero)
        {
            return 0;
        }

        return -double.ExpM1(-hashrate * period.TotalSeconds / (networkDifficulty * TwoPow32));
    }

    /// <summary>Average time to a block at this hashrate; null when it would never come.</summary>
    public static TimeSpan? ExpectedTimeToBlock(double hashrate, double networkDifficulty)
    {
        if (hashrate <= 0 || networkDifficulty <= 0)
        {
            return null;
        }

        var seconds = networkDifficulty * TwoPow32 / hashrate;
        return seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A share's stratum difficulty in block-header units, comparable with network difficulty.</summary>
    public static double ToNetworkUnits(double shareDifficulty, uint shareMultiplier) =>
        shareDifficulty / Math.Max(1u, shareMultiplier);
}
