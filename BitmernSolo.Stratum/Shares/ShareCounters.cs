using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Stratum.Shares;

/// <summary>
/// Counters of one worker over an interval: what the Web writes per minute bucket. SumDifficulty is in stratum difficulty
/// (hashrate = SumDifficulty × 2^32 / share multiplier / seconds). Rejections are counted by <see cref="StratumError"/> code.
/// </summary>
public sealed record ShareCounters(
    WorkerKey Worker,
    long Accepted,
    long RejectedOther,
    long RejectedStale,
    long RejectedDuplicate,
    long RejectedLowDifficulty,
    long RejectedUnauthorized,
    double SumDifficulty,
    double BestDifficulty,
    DateTimeOffset? LastShareTime)
{
    public long Rejected => RejectedOther + RejectedStale + RejectedDuplicate + RejectedLowDifficulty + RejectedUnauthorized;
}

/// <summary>A worker's in-memory totals since the process started.</summary>
public sealed record WorkerShareTotals(
    WorkerKey Worker,
    long Accepted,
    long Rejected,
    double SumDifficulty,
    double BestSinceLastBlock,
    double BestEver,
    DateTimeOffset? LastShareTime);
