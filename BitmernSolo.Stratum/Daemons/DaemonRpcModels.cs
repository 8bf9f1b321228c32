using System.Text.Json;
using System.Text.Json.Serialization;

namespace BitmernSolo.Stratum.Daemons;

/// <summary>The parts of <c>getblockchaininfo</c> the pool uses (chain: main/test/regtest; sync state).</summary>
public sealed record BlockchainInfo(
    [property: JsonPropertyName("chain")] string Chain,
    [property: JsonPropertyName("blocks")] long Blocks,
    [property: JsonPropertyName("headers")] long Headers,
    [property: JsonPropertyName("bestblockhash")] string BestBlockHash,
    [property: JsonPropertyName("difficulty")] double Difficulty,
    [property: JsonPropertyName("verificationprogress")] double VerificationProgress,
    [property: JsonPropertyName("initialblockdownload")] bool InitialBlockDownload);

/// <summary>The parts of <c>getnetworkinfo</c> the pool uses.</summary>
public sealed record NetworkInfo(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("subversion")] string SubVersion,
    [property: JsonPropertyName("connections")] int Connections);

/// <summary><c>validateaddress</c> / <c>getaddressinfo</c>: validity and the output script the daemon derives.</summary>
public sealed record DaemonAddressInfo(
    [property: JsonPropertyName("isvalid")] bool? IsValid,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("scriptPubKey")] string? ScriptPubKeyHex,
    [property: JsonPropertyName("iswitness")] bool? IsWitness,
    [property: JsonPropertyName("ismine")] bool? IsMine);

[JsonSerializable(typeof(BlockchainInfo))]
[JsonSerializable(typeof(NetworkInfo))]
[JsonSerializable(typeof(DaemonAddressInfo))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;
