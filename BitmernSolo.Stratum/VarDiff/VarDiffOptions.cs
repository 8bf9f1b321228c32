namespace BitmernSolo.Stratum.VarDiff;

/// <summary>Variable difficulty of one port (stratum difficulty, share multiplier already applied by the coin).</summary>
public sealed class VarDiffOptions
{
    public double StartDifficulty { get; set; } = 1024;

    public double MinDifficulty { get; set; } = 1;

    public double MaxDifficulty { get; set; } = 1e15;

    /// <summary>Wanted average time between shares of one connection.</summary>
    public double TargetSecondsPerShare { get; set; } = 10;

    /// <summary>Time between difficulty reviews (shorter when shares flood in).</summary>
    public double RetargetSeconds { get; set; } = 60;

    /// <summary>No change while the observed share time is within this percentage of the target.</summary>
    public double VariancePercent { get; set; } = 30;

    public double Clamp(double difficulty) => Math.Clamp(difficulty, MinDifficulty, MaxDifficulty);
}
