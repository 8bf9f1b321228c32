using BitmernSolo.Stratum.Addresses;
using System.Text.Json;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Tests.Regtest;

/// <summary>
/// Blocks built by our jobs, submitted to a real litecoind, accepted, and paying exactly the script and amount the job
/// promised: for each address type, with segwit spends in the mempool, with a pool fee, and past MWEB activation.
/// Each test establishes the chain height it needs and waits for what it sent to reach a template (another test may just
/// have fetched one on the same tip), so the order they run in does not matter.
/// </summary>
public sealed class LitecoindAcceptanceTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    private const long MweBActivationHeight = 432;

    [Theory]
    [InlineData("legacy")]
    [InlineData("p2sh-segwit")]
    [InlineData("bech32")]
    public async Task ABlockPayingEachAddressTypeIsAcceptedAndPaysThatScript(string addressType)
    {
        node.SkipIfUnavailable();
        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync(addressType));

        var mined = await RegtestMiner.MineAsync(node, script);

        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
    }

    [Fact]
    public async Task ABlockWithSegwitSpendsFromTheMempoolIsAcceptedAndIncludesThem()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(110); // coinbase maturity: the wallet's first coins (bech32) become spendable
        var sent = new List<string>();
        foreach (var type in new[] { "bech32", "legacy", "p2sh-segwit" })
        {
            var address = await node.NewAddressAsync(type);
            sent.Add((await node.Miner.CallAsync("sendtoaddress", JsonValue.Create(address), JsonValue.Create(1.25m))).GetString()!);
        }

        await node.WaitForTemplateCarryingAsync(sent);

        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));
        var mined = await RegtestMiner.MineAsync(node, script);

        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
        Assert.Contains(mined.Template.Transactions, t => t.TxId != t.WitnessHash); // a witness spend was in the template
        var blockTxIds = (await node.TipBlockAsync()).GetProperty("tx").EnumerateArray().Select(t => t.GetProperty("txid").GetString()).ToList();
        Assert.All(sent, txid => Assert.Contains(txid, blockTxIds));
        Assert.True(mined.Job.MinerRewardSatoshis > 0);
    }

    [Fact]
    public async Task ABlockWithAnUnconfirmedBech32OutputAndItsSpendIncludesParentThenChild()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(110);
        var bech32 = await node.NewAddressAsync("bech32");
        var bech32Script = await CoinbaseAssertions.ScriptOfAsync(node, bech32);
        var parent = (await node.Miner.CallAsync("sendtoaddress", JsonValue.Create(bech32), JsonValue.Create(5m))).GetString()!;
        var decoded = await node.Miner.CallAsync("getrawtransaction", JsonValue.Create(parent), JsonValue.Create(true));
        var vout = decoded.GetProperty("vout").EnumerateArray()
            .First(o => o.GetProperty("scriptPubKey").GetProperty("hex").GetString() == bech32Script.ToHex())
            .GetProperty("n").GetInt32();
        var spend = await node.Miner.CallAsync(
            "createrawtransaction",
            new JsonArray(new JsonObject { ["txid"] = parent, ["vout"] = vout }),
            new JsonObject { [await node.NewAddressAsync("legacy")] = 4.999m });
        var signed = await node.Miner.CallAsync("signrawtransactionwithwallet", JsonValue.Create(spend.GetString()));
        var child = (await node.Miner.CallAsync("sendrawtransaction", JsonValue.Create(signed.GetProperty("hex").GetString()))).GetString()!;
        await node.WaitForTemplateCarryingAsync([parent, child]);

        var mined = await RegtestMiner.MineAsync(node, await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("p2sh-segwit")));

        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
        var order = mined.Template.Transactions.Select(t => t.TxId.ToDisplayHex()).ToList();
        Assert.True(order.IndexOf(parent) >= 0 && order.IndexOf(parent) < order.IndexOf(child), "The parent precedes its child.");
        var childInTemplate = mined.Template.Transactions[order.IndexOf(child)];
        Assert.NotEqual(childInTemplate.TxId, childInTemplate.WitnessHash); // the child is a witness spend
    }

    [Fact]
    public async Task ABlockWithAPoolFeePaysTheMinerAndTheFeeScriptExactly()
    {
        node.SkipIfUnavailable();
        var miner = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));
        var fee = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("legacy"));

        var mined = await RegtestMiner.MineAsync(node, miner, fee, feePercent: 1.5m);

        Assert.Equal(mined.Template.CoinbaseValueSatoshis * 15 / 1000, mined.Job.FeeSatoshis);
        await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
    }

    [Fact]
    public async Task BlocksPastMwebActivationWithPegInsAreAcceptedWithTheMwebExtension()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(MweBActivationHeight - 1);
        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));

        // Block 432 needs a peg-in in the mempool (the node itself could not build it otherwise).
        for (var i = 0; i < 3; i++)
        {
            var mwebAddress = await node.NewAddressAsync("mweb");
            await node.Miner.CallAsync("sendtoaddress", JsonValue.Create(mwebAddress), JsonValue.Create(2.5m));
            var mined = await RegtestMiner.MineAsync(node, script);

            Assert.NotNull(mined.Template.MwebBlock);
            Assert.True(mined.Job.Height >= MweBActivationHeight);
            await CoinbaseAssertions.AssertTipIsOursAsync(node, mined);
            var block = await node.TipBlockAsync();
            Assert.True(block.TryGetProperty("mweb", out var mweb) && mweb.ValueKind == JsonValueKind.Object, "The accepted block carries its MWEB extension.");
        }

        // MWEB-to-MWEB and peg-out traffic after activation.
        var mwebTarget = await node.NewAddressAsync("mweb");
        await node.Miner.CallAsync("sendtoaddress", JsonValue.Create(mwebTarget), JsonValue.Create(1.0m));
        await node.Miner.CallAsync("sendtoaddress", JsonValue.Create(await node.NewAddressAsync("bech32")), JsonValue.Create(1.0m));
        var last = await RegtestMiner.MineAsync(node, script);
        await CoinbaseAssertions.AssertTipIsOursAsync(node, last);

        // And with an empty mempool after activation: the template still ends with a HogEx and carries an MWEB block.
        var empty = await RegtestMiner.MineAsync(node, script);
        Assert.NotNull(empty.Template.MwebBlock);
        Assert.Single(empty.Template.Transactions); // the HogEx alone
        await CoinbaseAssertions.AssertTipIsOursAsync(node, empty);
    }

    [Fact]
    public async Task TheJobsNotifyPrevhashIsTheTipInStratumWordOrder()
    {
        node.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var template = await node.Rpc.GetBlockTemplateAsync(RegtestMiner.LitecoinRules, cancellationToken: cancellationToken);
        var tip = await node.Rpc.GetBestBlockHashAsync(cancellationToken);
        var job = JobBuilder.Build(
            new JobRequest(template, ScryptForTests.Litecoin, PayoutScript.P2pkh(new byte[20]).Memory, null, 0, Array.Empty<byte>(), 4, 4, "a"),
            TimeProvider.System);

        Assert.Equal(tip, template.PreviousBlockHash);
        Assert.Equal(tip, StratumEncoding.PreviousHashFromStratumHex(job.Notify.PreviousHash));
        Assert.Equal(StratumEncoding.UInt32ToBigEndianHex(template.Version), job.Notify.Version);
        Assert.Equal(0x20000000u, template.Version & 0xe0000000u); // BIP9 top bits: the template's version is kept as is
        Assert.Equal(StratumEncoding.UInt32ToBigEndianHex(template.Bits), job.Notify.NBits);
    }
}
