using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Server;

namespace BitmernSolo.Tests.Stratum;

public class AddressValidatorTests
{
    [Fact]
    public void ARegtestBech32AddressAuthorizesWithItsWitnessScript()
    {
        var network = CoinRegistry.Get("litecoin", NetworkKind.Regtest);
        var program = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        var address = AddressFormatter.Segwit(network, 0, program);

        var result = new CoinNetworkAddressValidator(network).Validate(address);

        Assert.True(result.IsValid);
        Assert.Equal([0x00, 0x14, .. program], result.Script.ToArray());
    }

    [Theory]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData("not-an-address")]
    public void AnAddressOfAnotherCoinIsRefusedWithAReason(string address)
    {
        var network = CoinRegistry.Get("litecoin", NetworkKind.Regtest);

        var result = new CoinNetworkAddressValidator(network).Validate(address);

        Assert.False(result.IsValid);
        Assert.StartsWith("Invalid Litecoin", result.Reason, StringComparison.Ordinal);
    }
}
