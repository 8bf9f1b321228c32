using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Web.Components.Pages.Config;

/// <summary>What the generator needs: where to connect, which coin, and who is mining with what.</summary>
public sealed record MinerConfigRequest(
    string StratumHost,
    CoinNetwork Coin,
    IReadOnlyList<PortOptions> Ports,
    MinerModel Model,
    string Address,
    string Worker);

/// <summary>One setting as the brand's own UI labels it, in a group ("Pool 1"); copied with a button.</summary>
public sealed record ConfigField(string Group, string Label, string Value);

/// <summary>A ready-to-paste text block (JSON, a command line).</summary>
public sealed record ConfigSnippet(string Title, string Language, string Text);

/// <summary>The port chosen for a hashrate, and the difficulty VarDiff will settle near on it.</summary>
public sealed record PortChoice(PortOptions Port, double IdealDifficulty, bool InRange);

/// <summary>The generator's answer: settings, or a plain sentence why this hardware cannot mine this coin.</summary>
public sealed record MinerConfigResult(
    string? UnsupportedReason,
    PortChoice? Port,
    string Url,
    string User,
    IReadOnlyList<ConfigField> Fields,
    IReadOnlyList<ConfigSnippet> Snippets,
    IReadOnlyList<string> Notes)
{
    public bool Supported => UnsupportedReason is null;

    public static MinerConfigResult Unsupported(string reason) => new(reason, null, "", "", [], [], []);
}

internal static class PowAlgorithmMapping
{
    public static MinerAlgorithm ToMinerAlgorithm(this PowAlgorithm algorithm) => algorithm switch
    {
        PowAlgorithm.Sha256d => MinerAlgorithm.Sha256d,
        PowAlgorithm.Scrypt => MinerAlgorithm.Scrypt,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
