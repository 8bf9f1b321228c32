namespace BitmernSolo.Stratum.Server;

/// <summary>What the server needs to know about a pool's coin.</summary>
/// <param name="PoolId">The pool's id (configuration key), used in events, statistics and difficulty memory.</param>
/// <param name="ShareMultiplier">
/// Stratum difficulty scale: 1 for SHA-256d coins, 65536 for scrypt (cpuminer/cgminer convention). A share at stratum
/// difficulty d must meet <c>Target.FromDifficulty(d, multiplier)</c>; <see cref="Jobs.ShareCheckResult.AchievedDifficulty"/>
/// is raw (diff1 / hash, multiplier 1), so the stratum difficulty a share achieved is that value × multiplier.
/// </param>
public sealed record StratumPoolSettings(string PoolId, double ShareMultiplier = 1);
