using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Tests.Addresses;

public class AddressParserTests
{
    public static TheoryData<string, string, string, string, string> CoinAddresses()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var v in AddressVectors.Items("coin_addresses.json", "vectors"))
        {
            data.Add(v.Str("coin"), v.Str("network"), v.Str("address"), v.Str("script"), v.Str("type"));
        }

        return data;
    }

    public static TheoryData<string, string, string, string> Rejections()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var v in AddressVectors.Items("address_rejections.json", "vectors"))
        {
            data.Add(v.Str("coin"), v.Str("network"), v.Str("address"), v.Str("error_contains"));
        }

        return data;
    }

    public static TheoryData<string, string, string> BitcoinCoreKeyIo()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var v in AddressVectors.Items("key_io_valid_subset.json", "vectors"))
        {
            data.Add(v[0].GetString()!, v[1].GetString()!, v[2].GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CoinAddresses))]
    public void RealAddressParsesToTheScriptItsDaemonReports(string coin, string network, string address, string script, string type)
    {
        Assert.True(CoinRegistry.TryGet(coin, network, out var coinNetwork));
        Assert.True(AddressParser.TryParse(coinNetwork, address, out var payout, out var error), error);
        Assert.Equal(script, payout.ToHex());
        Assert.Equal(Enum.Parse<AddressType>(type), payout.Type);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void BadAddressIsRejectedWithAReasonThatSaysWhy(string coin, string network, string address, string expected)
    {
        Assert.True(CoinRegistry.TryGet(coin, network, out var coinNetwork));
        Assert.False(AddressParser.TryParse(coinNetwork, address, out var payout, out var error));
        Assert.Null(payout);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BitcoinCoreKeyIo))]
    public void BitcoinCoreKeyIoAddressDecodesToItsScript(string address, string script, string network)
    {
        var bitcoin = CoinRegistry.Get("bitcoin", Enum.Parse<NetworkKind>(network, ignoreCase: true));
        if (AddressParser.TryParse(bitcoin, address, out var payout, out var error))
        {
            Assert.Equal(script, payout.ToHex());
        }
        else
        {
            // Only outputs no consensus rule defines yet are refused; the decoder still agrees with Core on the script.
            Assert.Contains("taken by anyone", error, StringComparison.Ordinal);
            Assert.True(SegwitAddress.TryDecode(address, out var segwit, out _));
            Assert.Equal(script, segwit.ToPayoutScript().ToHex());
        }
    }

    [Theory]
    [MemberData(nameof(CoinAddresses))]
    public void EveryTruncationOfARealAddressIsRejected(string coin, string network, string address, string script, string type)
    {
        _ = (script, type);
        var coinNetwork = CoinRegistry.Get(coin, Enum.Parse<NetworkKind>(network, ignoreCase: true));
        for (var length = 0; length < address.Length; length++)
        {
            Assert.False(AddressParser.TryParse(coinNetwork, address[..length], out _, out var error), address[..length]);
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }

    [Theory]
    [MemberData(nameof(CoinAddresses))]
    public void EverySingleCharacterSubstitutionOfARealAddressIsRejected(string coin, string network, string address, string script, string type)
    {
        _ = (script, type);
        var coinNetwork = CoinRegistry.Get(coin, Enum.Parse<NetworkKind>(network, ignoreCase: true));
        for (var i = 0; i < address.Length; i++)
        {
            if (address[i] == ':')
            {
                continue;
            }

            // Same case as the original so the change is a typo, not a case error.
            var replacement = char.IsUpper(address[i]) ? (address[i] == 'Q' ? 'P' : 'Q') : (address[i] == 'q' ? 'p' : 'q');
            var changed = string.Concat(address.AsSpan(0, i), replacement.ToString(), address.AsSpan(i + 1));
            Assert.False(AddressParser.TryParse(coinNetwork, changed, out _, out _), changed);
        }
    }

    [Fact]
    public void LitecoinAcceptsTheLegacyThreePrefixForP2shBecauseLitecoindDoes()
    {
        // litecoind's key_io.cpp accepts SCRIPT_ADDRESS (5) beside SCRIPT_ADDRESS2 (50); same script hash either way.
        var hash = Convert.FromHexString("35f97626426c921be5523fe7273c6ff27af76cfa");
        var legacy = AddressFormatter.Base58Versioned(5, hash);
        Assert.True(AddressParser.TryParse(CoinRegistry.Get("litecoin", NetworkKind.Main), legacy, out var payout, out var error), error);
        Assert.Equal("a91435f97626426c921be5523fe7273c6ff27af76cfa87", payout.ToHex());
    }

    [Fact]
    public void TaprootIsRefusedOnDigiByteButAcceptedOnLitecoin()
    {
        var program = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var dgb = CoinRegistry.Get("digibyte-sha256", NetworkKind.Main);
        var ltc = CoinRegistry.Get("litecoin", NetworkKind.Regtest);
        Assert.False(AddressParser.TryParse(dgb, AddressFormatter.Segwit(dgb, 1, program), out _, out var error));
        Assert.Contains("taproot", error, StringComparison.Ordinal);
        Assert.True(AddressParser.TryParse(ltc, AddressFormatter.Segwit(ltc, 1, program), out var payout, out _));
        Assert.Equal(AddressType.P2tr, payout.Type);
        Assert.Equal("5120" + Convert.ToHexStringLower(program), payout.ToHex());
    }

    [Fact]
    public void SurroundingWhitespaceIsIgnored()
    {
        var network = CoinRegistry.Get("litecoin", NetworkKind.Main);
        Assert.True(AddressParser.TryParse(network, "  ltc1qfuhy9r49vd9gwsg4h2gklkx0mapw3q8vn8zsv4\n", out var payout, out _));
        Assert.Equal("00144f2e428ea5634a874115ba916fd8cfdf42e880ec", payout.ToHex());
    }

    [Fact]
    public void NullIsRejectedAsEmpty()
    {
        Assert.False(AddressParser.TryParse(CoinRegistry.Get("bitcoin", NetworkKind.Main), null, out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UpperCaseBech32IsAccepted()
    {
        var network = CoinRegistry.Get("litecoin", NetworkKind.Regtest);
        Assert.True(AddressParser.TryParse(network, "RLTC1QSLJ02AEQRC8293Y5AMKJJF49W87ARMG5XH7JDP", out var payout, out _));
        Assert.Equal("001487e4f577201e0ea2c494eeed2926a571fdd1ed14", payout.ToHex());
    }
}
