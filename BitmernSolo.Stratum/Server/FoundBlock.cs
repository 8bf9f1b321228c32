using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// A share met the network target and the block was submitted. Raised whatever the daemons answered: the Web records every
/// found block (status from <see cref="Accepted"/>) and logs a rejection with its reason.
/// </summary>
public sealed record FoundBlock(
    string PoolId,
    long Height,
    Hash256 BlockHash,
    string FinderAddress,
    string FinderWorker,
    double ShareDifficulty,
    DateTimeOffset Time,
    bool Accepted,
    string? RejectReason,
    IReadOnlyList<string> DaemonAnswers)
{
    /// <summary>The finder's coinbase output in satoshis (0 when the work source's job does not say).</summary>
    public long MinerRewardSatoshis { get; init; }

    /// <summary>The coinbase transaction id (null when the work source's job cannot build its coinbase).</summary>
    public Hash256? CoinbaseTxid { get; init; }

    /// <summary>
    /// The network difficulty of the job in the daemon's units (<c>getdifficulty</c>, no share multiplier), as the network stats
    /// and block explorers show it. <see cref="ShareDifficulty"/> stays in stratum units, like every other share figure: divide it
    /// by the share multiplier to compare the two.
    /// </summary>
    public double NetworkDifficulty { get; init; }
}
