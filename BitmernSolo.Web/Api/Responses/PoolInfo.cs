namespace BitmernSolo.Web.Api.Responses;

// Shapes and field names follow the Miningcore API (Api/Responses/GetPoolsResponse.cs and friends) so existing pool
// front-ends read this pool; fields a solo pool has no value for are present with neutral values.

public sealed record GetPoolsResponse(IReadOnlyList<PoolInfo> Pools);

public sealed record GetPoolResponse(PoolInfo Pool);

public sealed record PoolInfo(
    string Id,
    ApiCoin Coin,
    IReadOnlyDictionary<int, PoolEndpoint> Ports,
    PaymentProcessing PaymentProcessing,
    double PoolFeePercent,
    string Address,
    PoolStats PoolStats,
    NetworkStats NetworkStats,
    IReadOnlyList<MinerPerformanceStats> TopMiners,
    decimal TotalPaid,
    int TotalBlocks,
    int TotalConfirmedBlocks,
    DateTimeOffset? LastPoolBlockTime,
    double PoolEffort);

/// <summary><c>type</c> is the ticker, as Miningcore sends it; <c>family</c> is always "bitcoin".</summary>
public sealed record ApiCoin(string Type, string Name, string Symbol, string Family, string Algorithm);

public sealed record PoolEndpoint(string ListenAddress, string Name, double Difficulty, VarDiff VarDiff, bool Tls, bool TlsAuto);

public sealed record VarDiff(double MinDiff, double MaxDiff, double TargetTime, double RetargetTime, double VariancePercent);

/// <summary>Solo: the coinbase pays the finder directly, so there is no payment processing (scheme "SOLO").</summary>
public sealed record PaymentProcessing(bool Enabled, decimal MinimumPayment, string PayoutScheme);

public sealed record PoolStats(int ConnectedMiners, double PoolHashrate, double SharesPerSecond);

public sealed record NetworkStats(
    string NetworkType,
    double NetworkHashrate,
    double NetworkDifficulty,
    DateTimeOffset? LastNetworkBlockTime,
    long BlockHeight,
    int ConnectedPeers,
    string RewardType);

public sealed record MinerPerformanceStats(string Miner, double Hashrate, double SharesPerSecond);

public sealed record GetPoolStatsResponse(IReadOnlyList<AggregatedPoolStats> Stats);

public sealed record AggregatedPoolStats(
    double PoolHashrate,
    int ConnectedMiners,
    double ValidSharesPerSecond,
    double NetworkHashrate,
    double NetworkDifficulty,
    DateTimeOffset Created);
