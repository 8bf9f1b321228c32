namespace BitmernSolo.Stratum.Targets;

/// <summary>
/// Hashrate and block odds from share difficulty. A share of difficulty 1 at share multiplier 1 is worth 2^32 hashes on
/// average (the difficulty-1 target is 0x00000000ffff…). Scrypt pools hand out share difficulty 65536 times larger
/// (difficulty-1 target 0x0000ffff…, the coin's <c>ShareMultiplier</c>), so their sums are divided back by it.
/// Network difficulty of every supported coin (SHA-256d and scrypt alike) is stated against the 0x00000000ffff… target,
/// so a block takes networkDifficulty × 2^32 hashes on average for both.
/// </summary>
public static class HashrateMath
{
    /// <summary>2^32: expected hashes per unit of difficulty.</summary>
    public const double HashesPerDifficulty = 4294967296d;

    /// <summary>Hashes per second = Σ share difficulty × 2^32 / shareMultiplier / seconds (0 for an empty window).</summary>
    public static double FromDifficultySum(double difficultySum, double seconds, uint shareMultiplier)
    {
        if (seconds <= 0 || shareMultiplier == 0)
        {
            return 0;
        }

        return difficultySum * HashesPerDifficulty / shareMultiplier / seconds;
    }

    /// <summary>
    /// Probability of finding at least one block in <paramref name="seconds"/> at <paramref name="hashrate"/> H/s:
    /// 1 − exp(−hashrate × seconds / (networkDifficulty × 2^32)), block finding being a Poisson process.
    /// </summary>
    public static double BlockProbability(double hashrate, double seconds, double networkDifficulty)
    {
        if (hashrate <= 0 || seconds <= 0 || networkDifficulty <= 0)
        {
            return 0;
        }

        var expectedBlocks = hashrate * seconds / (networkDifficulty * HashesPerDifficulty);

        // 1 − e^−λ by its series while λ is small: the direct form loses every digit below 1e-16, and a solo miner's daily
        // odds are often that small. The next term, λ⁴/24, is below 1e-21 here.
        return expectedBlocks < 1e-5
            ? expectedBlocks - (expectedBlocks * expectedBlocks / 2) + (expectedBlocks * expectedBlocks * expectedBlocks / 6)
            : 1 - Math.Exp(-expectedBlocks);
    }

    /// <summary>Mean time to a block in seconds (networkDifficulty × 2^32 / hashrate); infinity at zero hashrate.</summary>
    public static double ExpectedSecondsToBlock(double hashrate, double networkDifficulty) =>
        hashrate <= 0 ? double.PositiveInfinity : networkDifficulty * HashesPerDifficulty / hashrate;
}
