using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Tests.Addresses;

public class CashAddrTests
{
    public static TheoryData<string> ChecksumVectors() =>
        [.. AddressVectors.Items("cashaddr.json", "valid_checksums").Select(v => v.GetString()!)];

    public static TheoryData<string, string> LegacyTranslations()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in AddressVectors.Items("cashaddr.json", "legacy_translations"))
        {
            data.Add(v.Str("legacy"), v.Str("cashaddr"));
        }

        return data;
    }

    public static TheoryData<int, int, string, string> SizedVectors()
    {
        var data = new TheoryData<int, int, string, string>();
        foreach (var v in AddressVectors.Items("cashaddr.json", "sized_vectors"))
        {
            data.Add(v.GetProperty("size").GetInt32(), v.GetProperty("type").GetInt32(), v.Str("address"), v.Str("hash"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChecksumVectors))]
    public void SpecChecksumVectorHasAValidChecksum(string address) => Assert.True(CashAddr.HasValidChecksum(address));

    [Theory]
    [MemberData(nameof(ChecksumVectors))]
    public void SpecChecksumVectorFailsWithOneCharacterChanged(string address)
    {
        var last = address[^1] == 'q' ? 'p' : 'q';
        Assert.False(CashAddr.HasValidChecksum(address[..^1] + last));
    }

    [Theory]
    [MemberData(nameof(LegacyTranslations))]
    public void SpecLegacyAddressAndCashAddrCarryTheSameHash(string legacy, string cashAddress)
    {
        Assert.Equal(Base58CheckError.None, Base58Check.TryDecode(legacy, out var payload));
        Assert.True(CashAddr.TryDecode(cashAddress, "bitcoincash", out var decoded, out var error), error);
        Assert.Equal(payload.AsSpan(1).ToArray(), decoded.Hash.ToArray());
        var type = payload[0] == 0 ? CashAddrType.P2pkh : CashAddrType.P2sh;
        Assert.Equal(cashAddress, CashAddr.Encode("bitcoincash", type, decoded.Hash));
    }

    [Theory]
    [MemberData(nameof(LegacyTranslations))]
    public void SpecLegacyAndCashAddrFormsParseToTheSameScriptOnBitcoinCash(string legacy, string cashAddress)
    {
        var network = CoinRegistry.Get("bitcoin-cash", NetworkKind.Main);
        Assert.True(AddressParser.TryParse(network, legacy, out var fromLegacy, out var e1), e1);
        Assert.True(AddressParser.TryParse(network, cashAddress, out var fromCash, out var e2), e2);
        Assert.Equal(fromLegacy, fromCash);
    }

    [Theory]
    [MemberData(nameof(SizedVectors))]
    public void SpecSizedVectorDecodesToItsHashAndReEncodes(int size, int type, string address, string hashHex)
    {
        var prefix = address[..address.IndexOf(':', StringComparison.Ordinal)];
        Assert.True(CashAddr.TryDecode(address, "unused", out var decoded, out var error), error);
        Assert.Equal(size, decoded.Hash.Length);
        Assert.Equal(type, decoded.TypeBits);
        Assert.Equal(hashHex, Convert.ToHexString(decoded.Hash));
        Assert.Equal(address, CashAddr.Encode(prefix, (CashAddrType)type, decoded.Hash));
    }

    [Fact]
    public void AddressWithoutPrefixIsCheckedAgainstTheDefaultPrefix()
    {
        const string body = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
        Assert.True(CashAddr.TryDecode(body, "bitcoincash", out var decoded, out _));
        Assert.Equal("bitcoincash", decoded.Prefix);
        Assert.False(CashAddr.TryDecode(body, "bchtest", out _, out _));
    }

    [Fact]
    public void MixedCaseIsRejected() =>
        Assert.False(CashAddr.TryDecode("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdX6a", "bitcoincash", out _, out _));

    [Theory]
    [InlineData(0x10, "76a914{0}88ac")]
    [InlineData(0x18, "a914{0}87")]
    public void TokenAwareCashAddrPaysTheSamePlainScript(int versionByte, string scriptFormat)
    {
        // CashTokens CHIP: type 2/3 are token-aware P2PKH/P2SH; the locking script is unchanged.
        var hash = Convert.FromHexString("f5bf48b397dae70be82b3cca4793f8eb2b6cdac9");
        var address = CashAddr.Encode("bitcoincash", (byte)versionByte, hash);
        Assert.True(AddressParser.TryParse(CoinRegistry.Get("bitcoin-cash", NetworkKind.Main), address, out var script, out var error), error);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, scriptFormat, Convert.ToHexStringLower(hash)), script.ToHex());
    }

    [Fact]
    public void UndefinedCashAddrTypeIsRefused()
    {
        var address = CashAddr.Encode("bitcoincash", (byte)(15 << 3), new byte[20]);
        Assert.False(AddressParser.TryParse(CoinRegistry.Get("bitcoin-cash", NetworkKind.Main), address, out _, out var error));
        Assert.Contains("not a payable address type", error, StringComparison.Ordinal);
    }
}
