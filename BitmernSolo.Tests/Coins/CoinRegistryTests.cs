using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Tests.Coins;

/// <summary>Spot checks of registry constants against each daemon's chainparams (sources cited in the coin files).</summary>
public class CoinRegistryTests
{
    [Fact]
    public void RegistryHoldsExactlyTheSixSupportedCoinIds() =>
        Assert.Equal(
            ["bitcoin", "bitcoin-cash", "litecoin", "dogecoin", "digibyte-sha256", "digibyte-scrypt"],
            CoinRegistry.CoinIds);

    [Theory]
    [InlineData("bitcoin", "main", 0, 5, "bc", 8332, "main")]
    [InlineData("bitcoin", "test", 111, 196, "tb", 18332, "test")]
    [InlineData("bitcoin", "regtest", 111, 196, "bcrt", 18443, "regtest")]
    [InlineData("bitcoin-cash", "main", 0, 5, null, 8332, "main")]
    [InlineData("bitcoin-cash", "test", 111, 196, null, 18332, "test")]
    [InlineData("bitcoin-cash", "regtest", 111, 196, null, 18443, "regtest")]
    [InlineData("litecoin", "main", 48, 50, "ltc", 9332, "main")]
    [InlineData("litecoin", "test", 111, 58, "tltc", 19332, "test")]
    [InlineData("litecoin", "regtest", 111, 58, "rltc", 19443, "regtest")]
    [InlineData("dogecoin", "main", 30, 22, null, 22555, "main")]
    [InlineData("dogecoin", "test", 113, 196, null, 44555, "test")]
    [InlineData("dogecoin", "regtest", 111, 196, null, 18332, "regtest")]
    [InlineData("digibyte-sha256", "main", 30, 63, "dgb", 14022, "main")]
    [InlineData("digibyte-scrypt", "test", 126, 140, "dgbt", 14023, "test")]
    [InlineData("digibyte-sha256", "regtest", 126, 140, "dgbrt", 18443, "regtest")]
    public void NetworkConstantsMatchTheDaemonChainparams(
        string coin, string network, int p2pkh, int p2sh, string? hrp, int rpcPort, string chain)
    {
        Assert.True(CoinRegistry.TryGet(coin, network, out var n));
        Assert.Equal(p2pkh, n.P2pkhVersion);
        Assert.Equal(p2sh, n.P2shVersion);
        Assert.Equal(hrp, n.Bech32Hrp);
        Assert.Equal(rpcPort, n.DefaultRpcPort);
        Assert.Equal(chain, n.ChainName);
    }

    [Theory]
    [InlineData("bitcoin", "segwit")]
    [InlineData("litecoin", "mweb,segwit")]
    [InlineData("digibyte-sha256", "segwit")]
    [InlineData("digibyte-scrypt", "segwit")]
    [InlineData("bitcoin-cash", "")]
    [InlineData("dogecoin", "")]
    public void GetBlockTemplateRulesAreWhatEachDaemonRequires(string coin, string rules)
    {
        foreach (var kind in Enum.GetValues<NetworkKind>())
        {
            Assert.Equal(rules, string.Join(',', CoinRegistry.Get(coin, kind).GbtRules));
        }
    }

    [Theory]
    [InlineData("digibyte-sha256", "sha256d")]
    [InlineData("digibyte-scrypt", "scrypt")]
    [InlineData("bitcoin", null)]
    [InlineData("litecoin", null)]
    public void OnlyDigiByteNamesAnAlgorithmForGetBlockTemplate(string coin, string? algorithm)
    {
        Assert.True(CoinRegistry.TryGet(coin, out var definition));
        Assert.Equal(algorithm, definition.GbtAlgorithm);
    }

    [Theory]
    [InlineData("bitcoin", "main", 0, 100)]
    [InlineData("litecoin", "regtest", 0, 100)]
    [InlineData("bitcoin-cash", "main", 0, 100)]
    [InlineData("dogecoin", "main", 144_999, 30)]
    [InlineData("dogecoin", "main", 145_000, 240)]
    [InlineData("dogecoin", "test", 5_000_000, 240)]
    [InlineData("dogecoin", "regtest", 1, 60)]
    [InlineData("digibyte-sha256", "main", 144_999, 8)]
    [InlineData("digibyte-sha256", "main", 20_000_000, 100)]
    [InlineData("digibyte-scrypt", "regtest", 500, 8)]
    public void CoinbaseMaturityFollowsEachChainsRuleAtThatHeight(string coin, string network, long height, int blocks)
    {
        Assert.True(CoinRegistry.TryGet(coin, network, out var n));
        Assert.Equal(blocks, n.CoinbaseMaturity.BlocksAt(height));
    }

    [Theory]
    [InlineData("bitcoin", 600)]
    [InlineData("bitcoin-cash", 600)]
    [InlineData("litecoin", 150)]
    [InlineData("dogecoin", 60)]
    [InlineData("digibyte-sha256", 15)]
    public void BlockTimeIsTheConsensusTargetSpacing(string coin, int seconds) =>
        Assert.Equal(seconds, CoinRegistry.Get(coin, NetworkKind.Main).BlockTimeSeconds);

    [Fact]
    public void OnlyLitecoinHasMweb() =>
        Assert.All(CoinRegistry.AllNetworks, n => Assert.Equal(n.CoinId == "litecoin", n.HasMweb));

    [Fact]
    public void LitecoinAcceptsTheLegacyP2shVersionOnEveryNetwork()
    {
        Assert.Equal((byte)5, CoinRegistry.Get("litecoin", NetworkKind.Main).LegacyP2shVersion);
        Assert.Equal((byte)196, CoinRegistry.Get("litecoin", NetworkKind.Test).LegacyP2shVersion);
        Assert.Equal((byte)196, CoinRegistry.Get("litecoin", NetworkKind.Regtest).LegacyP2shVersion);
    }

    [Theory]
    [InlineData("LITECOIN", "Regtest")]
    [InlineData(" litecoin ", "testnet")]
    [InlineData("litecoin", "mainnet")]
    public void LookupIgnoresCaseAndAcceptsNetworkAliases(string coin, string network) =>
        Assert.True(CoinRegistry.TryGet(coin, network, out _));

    [Theory]
    [InlineData("monero", "main")]
    [InlineData("litecoin", "signet")]
    [InlineData(null, "main")]
    [InlineData("litecoin", null)]
    public void UnknownCoinOrNetworkIsNotFound(string? coin, string? network) =>
        Assert.False(CoinRegistry.TryGet(coin, network, out _));

    [Fact]
    public void GetThrowsForAnUnknownCoinAndListsTheKnownOnes()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => CoinRegistry.Get("monero", NetworkKind.Main));
        Assert.Contains("litecoin", ex.Message, StringComparison.Ordinal);
    }
}
