using System.Text.Json;
using System.Text.Json.Serialization;

namespace BitmernSolo.Tests.TestVectors;

/// <summary>A real mainnet block's header fields, txids and (when the source had it) its raw coinbase; see README.md.</summary>
public sealed record BlockVector(
    [property: JsonPropertyName("coin")] string Coin,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("height")] long Height,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("version")] uint Version,
    [property: JsonPropertyName("previousblockhash")] string PreviousBlockHash,
    [property: JsonPropertyName("merkleroot")] string MerkleRoot,
    [property: JsonPropertyName("time")] uint Time,
    [property: JsonPropertyName("bits")] string Bits,
    [property: JsonPropertyName("nonce")] uint Nonce,
    [property: JsonPropertyName("txids")] IReadOnlyList<string> TxIds,
    [property: JsonPropertyName("coinbase")] CoinbaseVector? Coinbase,
    [property: JsonPropertyName("pow_hash")] string? PowHash)
{
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestVectors", "Blocks"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    public static BlockVector Load(string name) =>
        JsonSerializer.Deserialize<BlockVector>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestVectors", "Blocks", name + ".json")))!;

    public override string ToString() => $"{Coin} {Height}";
}

public sealed record CoinbaseVector(
    [property: JsonPropertyName("hex")] string Hex,
    [property: JsonPropertyName("txid")] string TxId,
    [property: JsonPropertyName("hash")] string Hash);
