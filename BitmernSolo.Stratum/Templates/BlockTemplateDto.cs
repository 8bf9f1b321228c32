using System.Text.Json.Serialization;

namespace BitmernSolo.Stratum.Templates;

/// <summary>
/// The <c>getblocktemplate</c> result as JSON (BIP22/BIP23, BIP145 segwit, Litecoin's <c>mweb</c>). Every field is
/// nullable so that a missing one becomes a clear validation error in <see cref="BlockTemplate.FromDto"/>; unknown
/// fields are ignored.
/// </summary>
public sealed class BlockTemplateDto
{
    [JsonPropertyName("version")]
    public long? Version { get; set; }

    [JsonPropertyName("previousblockhash")]
    public string? PreviousBlockHash { get; set; }

    [JsonPropertyName("transactions")]
    public IReadOnlyList<BlockTemplateTransactionDto>? Transactions { get; set; }

    [JsonPropertyName("coinbasevalue")]
    public long? CoinbaseValue { get; set; }

    [JsonPropertyName("target")]
    public string? Target { get; set; }

    [JsonPropertyName("curtime")]
    public long? CurTime { get; set; }

    [JsonPropertyName("mintime")]
    public long? MinTime { get; set; }

    [JsonPropertyName("bits")]
    public string? Bits { get; set; }

    [JsonPropertyName("height")]
    public long? Height { get; set; }

    [JsonPropertyName("default_witness_commitment")]
    public string? DefaultWitnessCommitment { get; set; }

    [JsonPropertyName("longpollid")]
    public string? LongPollId { get; set; }

    [JsonPropertyName("mweb")]
    public string? Mweb { get; set; }

    [JsonPropertyName("rules")]
    public IReadOnlyList<string>? Rules { get; set; }
}

/// <summary>One entry of the template's <c>transactions</c>: raw <c>data</c>, <c>txid</c> (non-witness) and <c>hash</c> (wtxid).</summary>
public sealed class BlockTemplateTransactionDto
{
    [JsonPropertyName("data")]
    public string? Data { get; set; }

    [JsonPropertyName("txid")]
    public string? TxId { get; set; }

    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    [JsonPropertyName("fee")]
    public long? Fee { get; set; }

    [JsonPropertyName("weight")]
    public long? Weight { get; set; }
}

[JsonSerializable(typeof(BlockTemplateDto))]
internal sealed partial class BlockTemplateJsonContext : JsonSerializerContext;
