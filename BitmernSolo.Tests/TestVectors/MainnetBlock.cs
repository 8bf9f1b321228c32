using System.Buffers.Binary;

namespace BitmernSolo.Tests.TestVectors;

/// <summary>A real mainnet block header with what its source says about it (TestVectors/blocks/*.json).</summary>
public sealed record MainnetBlock(
    string Coin,
    int Height,
    string Pow,
    string Source,
    string HeaderHex,
    string BlockHashDisplayHex,
    long Version,
    string PreviousBlockHashDisplayHex,
    string MerkleRootDisplayHex,
    uint Time,
    string BitsHex,
    uint Nonce,
    string[] TxidsDisplayHex,
    string? AuxPowParentHeaderHex = null,
    string? PowHashDisplayHex = null,
    double? NetworkDifficulty = null)
{
    /// <summary>Dogecoin's AuxPoW flag (version bit 8): the proof of work is the parent (Litecoin) header's, not this one's.</summary>
    public bool HasAuxPow => Coin == "dogecoin" && (Version & 0x100) != 0;

    public byte[] Header => Convert.FromHexString(HeaderHex);

    public uint Bits => BinaryPrimitives.ReadUInt32LittleEndian(Header.AsSpan(72));

    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestVectors", "blocks"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    public static MainnetBlock Read(string fileName) => TestVectorFile.Read<MainnetBlock>(Path.Combine("blocks", fileName));
}
