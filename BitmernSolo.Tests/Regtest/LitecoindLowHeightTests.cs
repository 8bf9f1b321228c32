using BitmernSolo.Stratum.Addresses;
namespace BitmernSolo.Tests.Regtest;

/// <summary>
/// BIP34 height encodings at their boundaries, judged by a real litecoind: 1..16 are OP_1..OP_16, 17..127 a one-byte
/// push, 128..255 need a sign byte, 256 two bytes; and heights from regtest's BIP34 activation (500), where the daemon
/// compares the push byte for byte. This class has its own node pair: it must start from genesis.
/// </summary>
public sealed class LitecoindLowHeightTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    [Fact]
    public async Task BlocksBuiltByOurJobsAreAcceptedAtEveryBip34EncodingBoundary()
    {
        node.SkipIfUnavailable();
        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("legacy"));
        for (var height = 1; height <= 18; height++)
        {
            await MineAndCheckAsync(script, height);
        }

        foreach (var height in new[] { 127, 128, 129, 255, 256, 257 })
        {
            await node.GenerateToHeightAsync(height - 1);
            await MineAndCheckAsync(script, height);
        }

        // Regtest enforces BIP34 only from its activation height (500 in Core and Litecoin 0.21 chainparams): below it the
        // blocks above prove acceptance, from it on the daemon also checks our height push byte for byte (bad-cb-height).
        var chain = await node.Miner.CallAsync("getblockchaininfo");
        var bip34 = chain.GetProperty("softforks").GetProperty("bip34");
        var activation = bip34.GetProperty("height").GetInt64();
        Assert.Equal(500, activation);
        await node.GenerateToHeightAsync(activation - 1);
        for (var height = activation; height <= activation + 2; height++)
        {
            await MineAndCheckAsync(script, height);
        }

        Assert.True((await node.Miner.CallAsync("getblockchaininfo")).GetProperty("softforks").GetProperty("bip34").GetProperty("active").GetBoolean());
    }

    private async Task MineAndCheckAsync(BitmernSolo.Stratum.Addresses.PayoutScript script, long height)
    {
        var mined = await RegtestMiner.MineAsync(node, script);
        Assert.Equal(height, mined.Job.Height);
        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
    }
}
