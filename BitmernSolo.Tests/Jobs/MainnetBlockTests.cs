using System.Buffers.Binary;
using System.Globalization;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Serialization;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Stratum.Transactions;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.TestVectors;

namespace BitmernSolo.Tests.Jobs;

/// <summary>Real mainnet blocks (TestVectors/Blocks, provenance in the README): header, Merkle root, coinbase, PoW.</summary>
public sealed class MainnetBlockTests
{
    public static TheoryData<string> Blocks => [.. BlockVector.Names()];

    public static TheoryData<string> BlocksWithCoinbase => [.. BlockVector.Names().Where(n => BlockVector.Load(n).Coinbase is not null)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void TheHeaderBuiltFromTheBlocksFieldsHashesToItsKnownHash(string name)
    {
        var block = BlockVector.Load(name);
        var header = BuildHeader(block);

        Assert.Equal(block.Hash, Hash256.Compute(header).ToDisplayHex());
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void TheMerkleRootOfTheBlocksTxIdsIsItsHeadersRootAndTheBranchFoldsToIt(string name)
    {
        var block = BlockVector.Load(name);
        var txIds = block.TxIds.Select(Hash256.FromDisplayHex).ToList();

        Assert.Equal(block.MerkleRoot, Merkle.ComputeRoot(txIds).ToDisplayHex());
        var branch = Merkle.ComputeBranch(txIds.Skip(1).ToList());
        Span<byte> coinbase = stackalloc byte[32];
        txIds[0].WriteInternalBytes(coinbase);
        Span<byte> root = stackalloc byte[32];
        Merkle.ComputeRoot(coinbase, branch, root);
        Assert.Equal(block.MerkleRoot, Hash256.FromInternalBytes(root).ToDisplayHex());
    }

    [Theory]
    [MemberData(nameof(BlocksWithCoinbase))]
    public void TheRealCoinbaseParsesAndReserializesByteForByteWithItsTxIdAndWtxId(string name)
    {
        var block = BlockVector.Load(name);
        var coinbase = Transaction.ParseHex(block.Coinbase!.Hex);

        Assert.True(coinbase.IsCoinbase);
        Assert.Equal(block.Coinbase.Hex, coinbase.ToHex());
        Assert.Equal(block.Coinbase.TxId, coinbase.ComputeTxId().ToDisplayHex());
        Assert.Equal(block.Coinbase.Hash, coinbase.ComputeWitnessTxId().ToDisplayHex());
        Assert.Equal(block.TxIds[0], coinbase.ComputeTxId().ToDisplayHex());
        // BIP34: the scriptSig starts with exactly CScript() << height, as we encode it.
        Assert.StartsWith(Convert.ToHexStringLower(ScriptNumber.EncodeBip34Height(block.Height)), Convert.ToHexStringLower(coinbase.Inputs[0].ScriptSig.Span), StringComparison.Ordinal);
        if (coinbase.HasWitness)
        {
            // BIP141: the coinbase witness is the single 32-byte reserved value.
            Assert.Equal(new byte[32], Assert.Single(coinbase.Inputs[0].Witness).ToArray());
        }
    }

    [Theory]
    [InlineData("litecoin-2383206")]
    [InlineData("litecoin-2383207")]
    [InlineData("digibyte-scrypt-13627174")]
    public void ScryptCoinsHeadersMeetTheirTargetWithTheScryptProofOfWork(string name)
    {
        var block = BlockVector.Load(name);
        var header = BuildHeader(block);
        Span<byte> pow = stackalloc byte[32];
        ScryptForTests.Hash(header, pow);

        Assert.True(Target.FromCompactHex(block.Bits).IsMetBy(pow));
        Assert.False(Target.FromCompactHex(block.Bits).IsMetBy(Sha256D.Hash(header)));
        if (block.PowHash is not null)
        {
            Assert.Equal(block.PowHash, Hash256.FromInternalBytes(pow).ToDisplayHex());
        }
    }

    [Fact]
    public void TheStratumPrevhashOfARealBlockIsItsInternalBytesWithEachWordSwapped()
    {
        var block = BlockVector.Load("bitcoin-766390");
        var previous = Hash256.FromDisplayHex(block.PreviousBlockHash);

        // Computed independently: the display hex's eight 4-byte groups in reverse order (ckpool/cgminer form).
        Assert.Equal("b769cede9628a2ef46b3b45ef241b01a6cd5fec100075bae0000000000000000", StratumEncoding.PreviousHashToStratumHex(previous));
        Assert.Equal(previous, StratumEncoding.PreviousHashFromStratumHex(StratumEncoding.PreviousHashToStratumHex(previous)));

        // A miner un-swaps the words into the header: that header must hash to the real block.
        var stratum = Convert.FromHexString(StratumEncoding.PreviousHashToStratumHex(previous));
        for (var i = 0; i < 32; i += 4)
        {
            Array.Reverse(stratum, i, 4);
        }

        var header = BuildHeader(block);
        stratum.CopyTo(header, 4);
        Assert.Equal(block.Hash, Hash256.Compute(header).ToDisplayHex());
    }

    internal static byte[] BuildHeader(BlockVector block)
    {
        var header = new byte[80];
        BinaryPrimitives.WriteUInt32LittleEndian(header, block.Version);
        Hash256.FromDisplayHex(block.PreviousBlockHash).WriteInternalBytes(header.AsSpan(4));
        Hash256.FromDisplayHex(block.MerkleRoot).WriteInternalBytes(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), block.Time);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), uint.Parse(block.Bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), block.Nonce);
        return header;
    }
}
