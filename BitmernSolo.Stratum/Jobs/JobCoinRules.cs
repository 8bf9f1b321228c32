using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// The coin facts job building needs: how to hash a header, and what the coin's blocks carry. Whether the block has a
/// segwit coinbase witness and an MWEB extension is decided by the template itself (a <c>default_witness_commitment</c>,
/// an <c>mweb</c> field), so a wrongly configured flag cannot produce a block the daemon refuses; the MWEB flag here is
/// checked against the template as a misconfiguration guard (a Litecoin daemon behind a Bitcoin pool).
/// </summary>
/// <param name="PowHash">The header proof-of-work function.</param>
/// <param name="ShareMultiplier">Stratum difficulty scale (1 for SHA-256d, 65536 for scrypt); used by callers, not by share checks.</param>
/// <param name="SupportsMweb">False for every coin but Litecoin: a template with <c>mweb</c> is refused then.</param>
public sealed record JobCoinRules(PowHashFunction PowHash, double ShareMultiplier, bool SupportsMweb)
{
    public static JobCoinRules Sha256D { get; } = new(static (header, hash) => Crypto.Sha256D.Hash(header, hash), 1, false);

    public static JobCoinRules Scrypt { get; } = new(Crypto.Scrypt.HashBlockHeader, 65536, false);

    /// <summary>
    /// The rules of a registered coin network: SHA-256d or our scrypt (<see cref="Crypto.Scrypt.HashBlockHeader(ReadOnlySpan{byte}, Span{byte})"/>),
    /// the coin's share multiplier and MWEB flag. <paramref name="scrypt"/> replaces the scrypt function (tests use an oracle).
    /// </summary>
    public static JobCoinRules For(CoinNetwork network, PowHashFunction? scrypt = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var pow = network.Algorithm switch
        {
            PowAlgorithm.Sha256d => Sha256D.PowHash,
            PowAlgorithm.Scrypt => scrypt ?? Scrypt.PowHash,
            _ => throw new ArgumentOutOfRangeException(nameof(network), $"Unsupported proof of work {network.Algorithm}."),
        };
        return new JobCoinRules(pow, network.ShareMultiplier, network.HasMweb);
    }

    /// <summary>True when the PoW is our SHA-256d: the PoW hash is then the block hash, computed once per share.</summary>
    public bool PowIsBlockHash => PowHash == Sha256D.PowHash;

    /// <summary>Hashes with <see cref="PowHash"/>; a convenience for tests and tools.</summary>
    public Hash256 ComputePowHash(ReadOnlySpan<byte> header)
    {
        Span<byte> hash = stackalloc byte[32];
        PowHash(header, hash);
        return Hash256.FromInternalBytes(hash);
    }
}
