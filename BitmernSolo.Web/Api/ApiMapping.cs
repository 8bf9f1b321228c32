using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Pools;

namespace BitmernSolo.Web.Api;

/// <summary>Entities to API shapes.</summary>
internal static class ApiMapping
{
    public static string StatusName(BlockStatus status) => status switch
    {
        BlockStatus.Pending => "pending",
        BlockStatus.Confirmed => "confirmed",
        BlockStatus.Orphaned => "orphaned",
        BlockStatus.Rejected => "rejected",
        _ => "unknown",
    };

    public static bool TryParseStatus(string? text, out BlockStatus status)
    {
        foreach (var candidate in Enum.GetValues<BlockStatus>())
        {
            if (string.Equals(StatusName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static Block ToApi(FoundBlock block) => new(
        block.PoolId,
        block.Height,
        block.NetworkDifficulty,
        StatusName(block.Status),
        "block",
        block.ConfirmationProgress,
        Effort: null,
        block.CoinbaseTxid,
        ConfiguredPool.ToCoins(block.Reward),
        InfoLink: null,
        block.Hash,
        block.MinerAddress,
        block.Region,
        block.FoundAt);

    public static Responses.Payment ToApi(Data.Pool.Payment payment, string symbol) => new(
        symbol,
        payment.Address,
        AddressInfoLink: null,
        ConfiguredPool.ToCoins(payment.Amount),
        payment.TransactionId,
        TransactionInfoLink: null,
        payment.CreatedAt);

    /// <summary>Per-worker hashrate and shares per second of <paramref name="stats"/> spread over <paramref name="seconds"/>.</summary>
    public static Dictionary<string, WorkerPerformanceStats> Workers(IEnumerable<ShareStat> stats, double seconds, uint shareMultiplier) =>
        stats.GroupBy(s => s.Worker, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new WorkerPerformanceStats(
                HashrateMath.FromDifficultySum(g.Sum(s => s.DifficultySum), seconds, shareMultiplier),
                g.Sum(s => s.Accepted) / seconds),
            StringComparer.Ordinal);
}
