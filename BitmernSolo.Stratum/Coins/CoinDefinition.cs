using System.Collections.Immutable;

namespace BitmernSolo.Stratum.Coins;

/// <summary>A coin as the pool mines it: identity, proof of work, and its three networks.</summary>
public sealed class CoinDefinition
{
    internal CoinDefinition(
        string id,
        string displayName,
        string symbol,
        PowAlgorithm algorithm,
        uint shareMultiplier,
        string? gbtAlgorithm,
        Func<CoinDefinition, IEnumerable<CoinNetwork>> networks)
    {
        Id = id;
        DisplayName = displayName;
        Symbol = symbol;
        Algorithm = algorithm;
        ShareMultiplier = shareMultiplier;
        GbtAlgorithm = gbtAlgorithm;
        ChainDisplayName = displayName;
        Networks = [.. networks(this).OrderBy(n => n.Kind)];
    }

    /// <summary>Configuration id: "bitcoin", "bitcoin-cash", "litecoin", "dogecoin", "digibyte-sha256", "digibyte-scrypt".</summary>
    public string Id { get; }

    public string DisplayName { get; }

    /// <summary>Name of the chain itself, shared by coins that mine one chain on different algorithms ("DigiByte").</summary>
    public string ChainDisplayName { get; init; } = string.Empty;

    /// <summary>Ticker, e.g. "LTC".</summary>
    public string Symbol { get; }

    public PowAlgorithm Algorithm { get; }

    /// <summary>
    /// Factor between stratum share difficulty and the SHA-256d-style difficulty-1 target: 1 for SHA-256d, 65536 for
    /// scrypt (scrypt miners count difficulty 1 as a target 2^16 times easier).
    /// </summary>
    public uint ShareMultiplier { get; }

    /// <summary>
    /// The algorithm argument for a multi-algorithm daemon's <c>getblocktemplate</c> (DigiByte: "sha256d", "scrypt"),
    /// or null when the daemon takes none.
    /// </summary>
    public string? GbtAlgorithm { get; }

    /// <summary>Main, test and regtest, in that order.</summary>
    public ImmutableArray<CoinNetwork> Networks { get; }

    public CoinNetwork this[NetworkKind kind] => Networks.First(n => n.Kind == kind);

    public override string ToString() => Id;
}
