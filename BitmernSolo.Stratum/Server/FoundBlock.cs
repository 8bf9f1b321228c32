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
    IReadOnlyList<string> DaemonAnswers);
