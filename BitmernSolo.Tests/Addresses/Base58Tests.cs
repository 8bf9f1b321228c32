using BitmernSolo.Stratum.Addresses;

namespace BitmernSolo.Tests.Addresses;

public class Base58Tests
{
    public static TheoryData<string, string> CoreVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in AddressVectors.Items("base58_encode_decode.json", "vectors"))
        {
            data.Add(pair[0].GetString()!, pair[1].GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CoreVectors))]
    public void EncodingBitcoinCoreVectorGivesItsBase58String(string hex, string base58) =>
        Assert.Equal(base58, Base58.Encode(Convert.FromHexString(hex)));

    [Theory]
    [MemberData(nameof(CoreVectors))]
    public void DecodingBitcoinCoreVectorGivesItsBytes(string hex, string base58)
    {
        Assert.True(Base58.TryDecode(base58, out var bytes));
        Assert.Equal(hex, Convert.ToHexString(bytes), ignoreCase: true);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData("3mJr7AoUXx2Wqd ")]
    [InlineData("3mJr7AoUXx2Wqd\u00e9")]
    public void DecodingRejectsCharactersOutsideTheAlphabet(string text) => Assert.False(Base58.TryDecode(text, out _));

    [Fact]
    public void Base58CheckRoundTripsAndDetectsEverySingleCharacterChange()
    {
        var payload = Convert.FromHexString("30a31c06bd463e3923bc1aadbde48b16976c080717");
        var text = Base58Check.Encode(payload);
        Assert.Equal(Base58CheckError.None, Base58Check.TryDecode(text, out var decoded));
        Assert.Equal(payload, decoded);
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] == 'z' ? 'y' : 'z';
            var changed = string.Concat(text.AsSpan(0, i), replacement.ToString(), text.AsSpan(i + 1));
            Assert.NotEqual(Base58CheckError.None, Base58Check.TryDecode(changed, out _));
        }
    }

    [Fact]
    public void Base58CheckReportsTooShortInput() =>
        Assert.Equal(Base58CheckError.TooShort, Base58Check.TryDecode("1111", out _));

    [Fact]
    public void DecodingRejectsOverlongInputWithoutWork() =>
        Assert.False(Base58.TryDecode(new string('z', Base58.MaxEncodedLength + 1), out _));
}
