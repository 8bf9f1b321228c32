using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>Exact target comparisons for share results (no floating point at the boundary).</summary>
public static class ShareCheckResultExtensions
{
    /// <summary>
    /// True when the share's PoW hash is at or below <paramref name="shareTarget"/>; build the target once per
    /// difficulty change with <c>Target.FromDifficulty(stratumDifficulty, shareMultiplier)</c>.
    /// </summary>
    public static bool Meets(this ShareCheckResult result, Target shareTarget)
    {
        Span<byte> hash = stackalloc byte[32];
        result.PowHash.WriteInternalBytes(hash);
        return shareTarget.IsMetBy(hash);
    }

    /// <summary>The stratum difficulty the share achieved: raw difficulty × the coin's share multiplier (65536 for scrypt).</summary>
    public static double StratumDifficulty(this ShareCheckResult result, double shareMultiplier) => result.AchievedDifficulty * shareMultiplier;
}
