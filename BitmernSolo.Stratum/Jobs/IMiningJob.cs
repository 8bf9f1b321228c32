using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// One unit of stratum work built from a block template: what <c>mining.notify</c> sends and everything needed
/// to check a submitted share and, when it wins, to assemble the block. Immutable and shared by all sessions.
/// </summary>
public interface IMiningJob
{
    /// <summary>The stratum job id (short hex, unique within the pool's job history).</summary>
    string Id { get; }

    /// <summary>The height of the block this job builds.</summary>
    long Height { get; }

    /// <summary>The previous block hash this job builds on.</summary>
    Hash256 PreviousBlockHash { get; }

    /// <summary>Block version from the template (BIP9 bits preserved); rolled bits are applied on top by the server.</summary>
    uint Version { get; }

    /// <summary>The template's time; submitted ntime is validated relative to it.</summary>
    uint NTime { get; }

    /// <summary>The network target (nBits) a block must meet.</summary>
    Target NetworkTarget { get; }

    /// <summary>The <c>mining.notify</c> parameters in wire form (clean_jobs decided by the publisher).</summary>
    MiningNotifyParams Notify { get; }

    /// <summary>
    /// Rebuilds coinbase → Merkle root → 80-byte header for a submission and computes its proof of work.
    /// <paramref name="version"/> is the final header version (template version with the miner's rolled bits applied).
    /// </summary>
    ShareCheckResult CheckShare(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version);

    /// <summary>Serializes the full block for <c>submitblock</c> (hex) for a submission that met the network target.</summary>
    string BuildBlockHex(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version);
}

/// <summary><c>mining.notify</c> params: job id, prevhash (stratum word order), coinb1, coinb2, Merkle branch, version, nbits, ntime (hex).</summary>
public sealed record MiningNotifyParams(
    string JobId,
    string PreviousHash,
    string Coinbase1,
    string Coinbase2,
    IReadOnlyList<string> MerkleBranch,
    string Version,
    string NBits,
    string NTime);

/// <summary>
/// The outcome of hashing a share. <see cref="PowHash"/> is the proof-of-work hash (SHA-256d or scrypt, internal order);
/// <see cref="BlockHash"/> is always the SHA-256d header hash, the block's identity.
/// </summary>
public readonly record struct ShareCheckResult(Hash256 PowHash, Hash256 BlockHash, double AchievedDifficulty, bool MeetsNetworkTarget);
