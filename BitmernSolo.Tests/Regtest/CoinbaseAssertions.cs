using BitmernSolo.Stratum.Addresses;
using System.Globalization;
using BitmernSolo.Stratum.Coins;
using System.Text.Json;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Tests.Regtest;

/// <summary>Reads the tip block back from the daemon and checks our coinbase, as the daemon decoded it.</summary>
public static class CoinbaseAssertions
{
    public static async Task AssertTipIsOursAsync(LitecoindPairFixture node, MinedBlock mined)
    {
        Assert.Null(mined.SubmitAnswer);
        var tipHash = await node.Rpc.GetBestBlockHashAsync();
        Assert.Equal(mined.BlockHash, tipHash);
        var block = await node.TipBlockAsync();
        Assert.Equal(mined.Job.Height, block.GetProperty("height").GetInt64());
        var coinbase = block.GetProperty("tx")[0];
        var outputs = coinbase.GetProperty("vout");
        AssertOutput(outputs[0], mined.Job.PayoutScript, mined.Job.MinerRewardSatoshis);
        if (mined.Job.FeeScript is { } feeScript)
        {
            AssertOutput(outputs[1], feeScript, mined.Job.FeeSatoshis);
        }

        Assert.Equal(mined.Template.CoinbaseValueSatoshis, mined.Job.MinerRewardSatoshis + mined.Job.FeeSatoshis);
        Assert.Equal(mined.Template.Transactions.Count + 1, block.GetProperty("tx").GetArrayLength());
    }

    public static void AssertOutput(JsonElement output, ReadOnlyMemory<byte> script, long satoshis)
    {
        Assert.Equal(Convert.ToHexStringLower(script.Span), output.GetProperty("scriptPubKey").GetProperty("hex").GetString());
        var value = decimal.Parse(output.GetProperty("value").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(satoshis, (long)(value * 100_000_000m));
    }

    /// <summary>Our address parser's script for a daemon-made address, checked against the daemon's own scriptPubKey.</summary>
    public static async Task<PayoutScript> ScriptOfAsync(LitecoindPairFixture node, string address)
    {
        var info = await node.Rpc.GetAddressInfoAsync(address);
        Assert.True(AddressParser.TryParse(CoinRegistry.Get("litecoin", NetworkKind.Regtest), address, out var script, out var error), error);
        Assert.Equal(info.ScriptPubKeyHex, script.ToHex());
        return script;
    }
}
