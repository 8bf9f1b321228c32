using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Tests.Crypto;

public class Sha256DTests
{
    [Fact]
    public void GenesisHeaderHashesToTheKnownBitcoinGenesisBlockHash()
    {
        // Bitcoin mainnet block 0 header (Bitcoin Core chainparams.cpp).
        var header = Convert.FromHexString(
            "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
        var hash = Sha256D.Hash(header);
        Array.Reverse(hash);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", Convert.ToHexStringLower(hash));
    }
}
