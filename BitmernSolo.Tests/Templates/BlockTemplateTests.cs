using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Tests.Templates;

public sealed class BlockTemplateTests
{
    [Fact]
    public void AWellFormedTemplateIsParsedWithByteOrderExplicitAndExtraFieldsIgnored()
    {
        var template = BlockTemplate.Parse(TemplateSamples.Litecoin(withMweb: true).ToJsonString());

        Assert.Equal(0x30000010u, template.Version);
        Assert.Equal(TemplateSamples.PreviousBlockHash, template.PreviousBlockHash.ToDisplayHex());
        Assert.Equal(5_000_001_000L, template.CoinbaseValueSatoshis);
        Assert.Equal(0x207fffffu, template.Bits);
        Assert.Equal(433, template.Height);
        Assert.Equal(1_700_000_100u, template.CurTime);
        Assert.Equal(TemplateSamples.TransactionTxId, Assert.Single(template.Transactions).TxId.ToDisplayHex());
        Assert.Equal(TemplateSamples.WitnessCommitment, Convert.ToHexStringLower(template.DefaultWitnessCommitmentScript!.Value.Span));
        Assert.Equal("0102030405", Convert.ToHexStringLower(template.MwebBlock!.Value.Span));
        Assert.Equal(TemplateSamples.PreviousBlockHash + "12", template.LongPollId);
    }

    [Fact]
    public void OptionalFieldsMayBeAbsent()
    {
        var json = TemplateSamples.Litecoin();
        json.Remove("default_witness_commitment");
        json.Remove("longpollid");
        json.Remove("target");
        json.Remove("mintime");

        var template = BlockTemplate.Parse(json.ToJsonString());

        Assert.Null(template.DefaultWitnessCommitmentScript);
        Assert.Null(template.MwebBlock);
        Assert.Equal(BitmernSolo.Stratum.Targets.Target.FromCompact(0x207fffff), template.Target);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("previousblockhash")]
    [InlineData("transactions")]
    [InlineData("coinbasevalue")]
    [InlineData("curtime")]
    [InlineData("bits")]
    [InlineData("height")]
    public void AMissingRequiredFieldIsRefusedNamingIt(string field)
    {
        var json = TemplateSamples.Litecoin();
        json.Remove(field);

        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json.ToJsonString()));

        Assert.Contains($"'{field}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("previousblockhash", "xyz", "not a 64-digit hexadecimal hash")]
    [InlineData("previousblockhash", "00", "not a 64-digit hexadecimal hash")]
    [InlineData("bits", "207fffzz", "not 8 hexadecimal digits")]
    [InlineData("bits", "7fffff", "not 8 hexadecimal digits")]
    [InlineData("default_witness_commitment", "6a2", "not valid hexadecimal")]
    [InlineData("mweb", "0g", "not valid hexadecimal")]
    [InlineData("target", "12", "'target' is invalid")]
    public void BadHexIsRefusedNamingTheField(string field, string value, string expected)
    {
        var json = TemplateSamples.Litecoin();
        json[field] = value;

        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json.ToJsonString()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coinbasevalue", -1L)]
    [InlineData("height", -5L)]
    [InlineData("curtime", -1L)]
    [InlineData("version", -1L)]
    [InlineData("curtime", 4_294_967_296L)]
    public void NegativeOrOutOfRangeNumbersAreRefused(string field, long value)
    {
        var json = TemplateSamples.Litecoin();
        json[field] = value;

        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json.ToJsonString()));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data", "zz", "transactions[0].data' is not valid hexadecimal")]
    [InlineData("data", "", "transactions[0].data' is empty")]
    [InlineData("txid", "1234", "transactions[0].txid' is not a 64-digit")]
    [InlineData("hash", "1234", "transactions[0].hash' is not a 64-digit")]
    public void ABadTransactionIsRefusedNamingItsIndexAndField(string field, string value, string expected)
    {
        var json = TemplateSamples.Litecoin();
        json["transactions"]![0]![field] = value;

        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json.ToJsonString()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATransactionWithoutTxIdIsRefused()
    {
        var json = TemplateSamples.Litecoin();
        ((JsonObject)json["transactions"]![0]!).Remove("txid");

        var error = Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json.ToJsonString()));

        Assert.Contains("'transactions[0].txid' is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"height\":\"ten\"}")]
    [InlineData("null")]
    public void JsonOfTheWrongShapeIsAClearTemplateError(string json)
    {
        Assert.Throws<BlockTemplateException>(() => BlockTemplate.Parse(json));
    }
}
