using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Web.Stratum;

/// <summary>From the foundation's pool configuration to what the stratum core takes.</summary>
internal static class StratumPortMapping
{
    public static VarDiffOptions ToVarDiff(this DifficultyOptions difficulty) => new()
    {
        StartDifficulty = difficulty.Start,
        MinDifficulty = difficulty.Min,
        MaxDifficulty = difficulty.Max,
        TargetSecondsPerShare = difficulty.TargetSeconds,
        RetargetSeconds = difficulty.RetargetSeconds,
        VariancePercent = difficulty.VariancePercent,
    };

    public static bool UsesTls(this PortOptions port) => port.Tls && !string.IsNullOrEmpty(port.TlsCertificate);
}
