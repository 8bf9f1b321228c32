namespace BitmernSolo.Web.Api.Responses;

/// <summary>
/// Miningcore's <c>Block</c>: <c>status</c> is pending, confirmed, orphaned (or rejected, only when asked for);
/// <c>reward</c> in coins; <c>transactionConfirmationData</c> the coinbase txid; <c>source</c> the region that found it.
/// </summary>
public sealed record Block(
    string PoolId,
    long BlockHeight,
    double NetworkDifficulty,
    string Status,
    string Type,
    double ConfirmationProgress,
    double? Effort,
    string? TransactionConfirmationData,
    decimal Reward,
    string? InfoLink,
    string Hash,
    string Miner,
    string? Source,
    DateTimeOffset Created);

/// <summary>Miningcore's <c>Payment</c>: a matured coinbase reward; <c>amount</c> in coins, <c>coin</c> the ticker.</summary>
public sealed record Payment(
    string Coin,
    string Address,
    string? AddressInfoLink,
    decimal Amount,
    string TransactionConfirmationData,
    string? TransactionInfoLink,
    DateTimeOffset Created);
