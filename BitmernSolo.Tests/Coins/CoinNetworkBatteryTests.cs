using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Tests.Coins;

/// <summary>Runs over every registered coin network: consistency of the data, and address round trips.</summary>
public class CoinNetworkBatteryTests
{
    public static TheoryData<string, string> Networks()
    {
        var data = new TheoryData<string, string>();
        foreach (var n in CoinRegistry.AllNetworks)
        {
            data.Add(n.CoinId, n.Kind.ToConfigName());
        }

        return data;
    }

    [Fact]
    public void EveryCoinHasOneNetworkOfEachKindAndAUniqueId()
    {
        Assert.Equal(CoinRegistry.CoinIds.Length, CoinRegistry.CoinIds.Distinct().Count());
        Assert.All(CoinRegistry.All, c => Assert.Equal(Enum.GetValues<NetworkKind>(), c.Networks.Select(n => n.Kind)));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void VersionBytesDifferPerAddressType(string coin, string network)
    {
        var n = Network(coin, network);
        Assert.NotEqual(n.P2pkhVersion, n.P2shVersion);
        Assert.NotEqual(n.P2pkhVersion, n.LegacyP2shVersion);
        Assert.NotEqual(n.P2shVersion, n.LegacyP2shVersion);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void ShareMultiplierMatchesTheAlgorithm(string coin, string network)
    {
        var n = Network(coin, network);
        Assert.Equal(n.Algorithm == PowAlgorithm.Scrypt ? 65536u : 1u, n.ShareMultiplier);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void SegwitHrpMweHrpAndCashAddrPrefixFollowTheCoinsFeatures(string coin, string network)
    {
        var n = Network(coin, network);
        Assert.Equal(n.GbtRules.Contains("segwit"), n.Bech32Hrp is not null);
        Assert.Equal(n.GbtRules.Contains("mweb"), n.MwebHrp is not null);
        Assert.False(n.SupportsSegwit && n.SupportsCashAddr);
        Assert.False(n.SupportsTaproot && !n.SupportsSegwit);
        Assert.Equal(n.CoinId == "bitcoin-cash", n.SupportsCashAddr);
        Assert.Equal(n.Kind.ToConfigName(), n.ChainName);
        Assert.InRange(n.DefaultRpcPort, 1, 65535);
        Assert.True(n.BlockTimeSeconds > 0);
        Assert.True(n.CoinbaseMaturity.Blocks > 0 && n.CoinbaseMaturity.EarlyBlocks > 0);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void AddressesBuiltFromRandomHashesParseToTheRightScript(string coin, string network)
    {
        var n = Network(coin, network);
        foreach (var (address, expected) in SampleAddresses(n))
        {
            Assert.True(AddressParser.TryParse(n, address, out var script, out var error), $"{address}: {error}");
            Assert.Equal(expected, script);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void AddressesAreRejectedByEveryNetworkWithDifferentPrefixes(string coin, string network)
    {
        var n = Network(coin, network);
        foreach (var (address, _) in SampleAddresses(n))
        {
            foreach (var other in CoinRegistry.AllNetworks.Where(o => !SharesPrefix(o, n, address)))
            {
                Assert.False(
                    AddressParser.TryParse(other, address, out _, out var error),
                    $"{n.DisplayName} address {address} was accepted by {other.DisplayName}");
                Assert.False(string.IsNullOrWhiteSpace(error));
                if (!IsMisfitForm(other, address))
                {
                    Assert.Contains($"{n.Coin.ChainDisplayName} {n.NetworkLabel}", error, StringComparison.Ordinal);
                }
            }
        }
    }

    private static CoinNetwork Network(string coin, string network)
    {
        Assert.True(CoinRegistry.TryGet(coin, network, out var n));
        return n;
    }

    /// <summary>Every address form the network can be paid with, from random hashes, with the script it must give.</summary>
    private static IEnumerable<(string Address, PayoutScript Script)> SampleAddresses(CoinNetwork n)
    {
        var random = new Random(HashCode.Combine(n.CoinId.Length, n.Kind, n.P2pkhVersion));
        byte[] Hash(int size)
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            return bytes;
        }

        var h = Hash(20);
        yield return (AddressFormatter.P2pkh(n, h), PayoutScript.P2pkh(h));
        h = Hash(20);
        yield return (AddressFormatter.P2sh(n, h), PayoutScript.P2sh(h));
        if (n.LegacyP2shVersion is { } legacy)
        {
            h = Hash(20);
            yield return (AddressFormatter.Base58Versioned(legacy, h), PayoutScript.P2sh(h));
        }

        if (n.SupportsSegwit)
        {
            h = Hash(20);
            yield return (AddressFormatter.Segwit(n, 0, h), PayoutScript.ForWitnessProgram(0, h));
            h = Hash(32);
            yield return (AddressFormatter.Segwit(n, 0, h), PayoutScript.ForWitnessProgram(0, h));
        }

        if (n.SupportsTaproot)
        {
            h = Hash(32);
            yield return (AddressFormatter.Segwit(n, 1, h), PayoutScript.ForWitnessProgram(1, h));
        }

        if (n.SupportsCashAddr)
        {
            h = Hash(20);
            var p2pkh = AddressFormatter.CashAddress(n, CashAddrType.P2pkh, h);
            yield return (p2pkh, PayoutScript.P2pkh(h));
            yield return (p2pkh[(p2pkh.IndexOf(':', StringComparison.Ordinal) + 1)..], PayoutScript.P2pkh(h));
            h = Hash(20);
            yield return (AddressFormatter.CashAddress(n, CashAddrType.P2sh, h), PayoutScript.P2sh(h));
        }
    }

    /// <summary>Whether <paramref name="other"/> legitimately accepts this address because it uses the same prefix.</summary>
    private static bool SharesPrefix(CoinNetwork other, CoinNetwork n, string address)
    {
        if (Base58Check.TryDecode(address, out var payload) == Base58CheckError.None && payload.Length == 21)
        {
            var v = payload[0];
            return v == other.P2pkhVersion || v == other.P2shVersion || v == other.LegacyP2shVersion;
        }

        if (n.SupportsCashAddr && !address.StartsWith(n.Bech32Hrp ?? "\0", StringComparison.Ordinal))
        {
            return other.CashAddrPrefix == n.CashAddrPrefix;
        }

        return other.Bech32Hrp == n.Bech32Hrp
            && (other.SupportsTaproot || !SegwitAddress.TryDecode(address, out var s, out _) || s.Version == 0);
    }

    /// <summary>
    /// Cases where the rejection cannot name the owning network: the address is valid for the same chain, just not
    /// payable there (taproot where it is off), or a CashAddr without its prefix given to a coin without CashAddr.
    /// </summary>
    private static bool IsMisfitForm(CoinNetwork other, string address) =>
        (other.SupportsSegwit && address.StartsWith(other.Bech32Hrp + "1", StringComparison.Ordinal))
        || (!other.SupportsCashAddr && !address.Contains(':', StringComparison.Ordinal)
            && Base58Check.TryDecode(address, out _) != Base58CheckError.None
            && !CoinRegistry.AllNetworks.Any(o => o.Bech32Hrp is { } hrp && address.StartsWith(hrp + "1", StringComparison.Ordinal)));
}
