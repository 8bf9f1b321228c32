namespace BitmernSolo.Web.Api.Responses;

/// <summary>Miningcore's <c>MinerStats</c>; pending shares and balance are always 0 for a solo pool.</summary>
public sealed record MinerStats(
    double PendingShares,
    decimal PendingBalance,
    decimal TotalPaid,
    decimal TodayPaid,
    DateTimeOffset? LastPayment,
    string? LastPaymentLink,
    WorkerPerformanceStatsContainer? Performance,
    IReadOnlyList<WorkerPerformanceStatsContainer> PerformanceSamples);

/// <summary>One sample: per worker name ("" for a bare address login) its hashrate (H/s) and shares per second.</summary>
public sealed record WorkerPerformanceStatsContainer(DateTimeOffset Created, IReadOnlyDictionary<string, WorkerPerformanceStats> Workers);

public sealed record WorkerPerformanceStats(double Hashrate, double SharesPerSecond);
