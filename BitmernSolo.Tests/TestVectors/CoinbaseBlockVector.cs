using System.Text.Json;
using System.Text.Json.Serialization;

namespace BitmernSolo.Tests.TestVectors;

/// <summary>A real mainnet block: header fields, txids and its raw coinbase (TestVectors/Coinbases, provenance in README.md).</summary>
public sealed record CoinbaseBlockVector(
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
    [property: JsonPropertyName("coinbase")] CoinbaseVector Coinbase,
    [property: JsonPropertyName("pow_hash")] string? PowHash)
{
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestVectors", "Coinbases"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    public static CoinbaseBlockVector Load(string name) =>
        JsonSerializer.Deserialize<CoinbaseBlockVector>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestVectors", "Coinbases", name + ".json")))!;

    public override string ToString() => $"{Coin} {Height}";
}

public sealed record CoinbaseVector(
    [property: JsonPropertyName("hex")] string Hex,
    [property: JsonPropertyName("txid")] string TxId,
    [property: JsonPropertyName("hash")] string Hash);
