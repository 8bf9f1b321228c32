using BitmernSolo.Stratum.Addresses;
namespace BitmernSolo.Tests.Regtest;

/// <summary>
/// BIP34 height encodings at their boundaries, judged by a real litecoind: 1..16 are OP_1..OP_16, 17..127 a one-byte
/// push, 128..255 need a sign byte, 256 two bytes. This class has its own node pair: it must start from genesis.
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
    }

    private async Task MineAndCheckAsync(BitmernSolo.Stratum.Addresses.PayoutScript script, long height)
    {
        var mined = await RegtestMiner.MineAsync(node, script);
        Assert.Equal(height, mined.Job.Height);
        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
    }
}
