using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// Everything one job is built from. <paramref name="FeePercent"/> of the coinbase value (floored to whole satoshis)
/// goes to <paramref name="FeeScript"/>; the rest to <paramref name="MinerScript"/>. Scripts are raw scriptPubKeys
/// (an <c>Addresses.PayoutScript</c>'s <c>Memory</c>), so the server can ask by the bytes it holds per session. The coinbase scriptSig is
/// BIP34 height ‖ extranonce1 ‖ extranonce2 ‖ <paramref name="CoinbaseTag"/>, at most 100 bytes (consensus
/// <c>bad-cb-length</c>, Core <c>CheckTransaction</c>).
/// </summary>
public sealed record JobRequest(
    BlockTemplate Template,
    JobCoinRules Coin,
    ReadOnlyMemory<byte> MinerScript,
    ReadOnlyMemory<byte>? FeeScript,
    decimal FeePercent,
    ReadOnlyMemory<byte> CoinbaseTag,
    int Extranonce1Size,
    int Extranonce2Size,
    string JobId);
