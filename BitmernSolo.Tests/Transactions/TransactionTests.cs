using BitmernSolo.Stratum.Transactions;
using BitmernSolo.Tests.TestVectors;

namespace BitmernSolo.Tests.Transactions;

public sealed class TransactionTests
{
    // Bitcoin's genesis coinbase (Core chainparams.cpp): legacy serialization, txid 4a5e1e4b…
    private const string GenesisCoinbase =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    [Fact]
    public void TheGenesisCoinbaseRoundTripsAndHasItsKnownTxId()
    {
        var transaction = Transaction.ParseHex(GenesisCoinbase);

        Assert.Equal(GenesisCoinbase, transaction.ToHex());
        Assert.False(transaction.HasWitness);
        Assert.True(transaction.IsCoinbase);
        Assert.Equal(5_000_000_000, Assert.Single(transaction.Outputs).ValueSatoshis);
        Assert.Equal("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", transaction.ComputeTxId().ToDisplayHex());
        Assert.Equal(transaction.ComputeTxId(), transaction.ComputeWitnessTxId());
    }

    [Fact]
    public void ASegwitCoinbaseWithoutItsWitnessIsTheTxIdForm()
    {
        var block = CoinbaseBlockVector.Load("bitcoin-766390");
        var transaction = Transaction.ParseHex(block.Coinbase!.Hex);

        var stripped = Transaction.Parse(transaction.ToBytes(includeWitness: false));

        Assert.False(stripped.HasWitness);
        Assert.Equal(block.Coinbase.TxId, stripped.ComputeTxId().ToDisplayHex());
        Assert.True(transaction.ToBytes(includeWitness: false).Length < transaction.ToBytes().Length);
    }

    public static TheoryData<int> GenesisTruncations => [.. Enumerable.Range(0, GenesisCoinbase.Length / 2)];

    [Theory]
    [MemberData(nameof(GenesisTruncations))]
    public void EveryTruncationIsRefusedWithAFormatError(int length)
    {
        var bytes = Convert.FromHexString(GenesisCoinbase)[..length];

        Assert.Throws<TransactionFormatException>(() => Transaction.Parse(bytes));
    }

    [Fact]
    public void TrailingBytesAreRefused()
    {
        var error = Assert.Throws<TransactionFormatException>(() => Transaction.ParseHex(GenesisCoinbase + "00"));
        Assert.Contains("unexpected bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnMwebOrUnknownFlagIsRefused()
    {
        // version ‖ marker 00 ‖ flag 08 (Litecoin MWEB) …
        var error = Assert.Throws<TransactionFormatException>(() => Transaction.ParseHex("02000000" + "0008" + "00"));
        Assert.Contains("0x08", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHexIsAFormatError()
    {
        Assert.Throws<TransactionFormatException>(() => Transaction.ParseHex("zz"));
    }
}
