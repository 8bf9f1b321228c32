using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Stratum.Templates;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Templates;

namespace BitmernSolo.Tests.Jobs;

/// <summary>Every registered coin network builds jobs with its own PoW and multiplier; MWEB only where the coin has it.</summary>
public sealed class CoinJobBatteryTests
{
    public static TheoryData<string, NetworkKind> Networks => [.. CoinRegistry.AllNetworks.Select(n => (n.CoinId, n.Kind))];

    private static JobCoinRules RulesFor(CoinNetwork network) => JobCoinRules.For(network); // our scrypt; BouncyCastle is the oracle below

    private static MiningJob Build(CoinNetwork network, bool withMweb)
    {
        var template = BlockTemplate.Parse(TemplateSamples.Litecoin(withMweb).ToJsonString());
        return JobBuilder.Build(new JobRequest(template, RulesFor(network), PayoutScript.P2pkh(new byte[20]).Memory, null, 0, "/t/"u8.ToArray(), 4, 4, "1"), TimeProvider.System);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void TheJobHashesWithTheCoinsProofOfWork(string coinId, NetworkKind kind)
    {
        var network = CoinRegistry.Get(coinId, kind);
        var job = Build(network, withMweb: false);
        byte[] extranonce1 = [1, 2, 3, 4], extranonce2 = [5, 6, 7, 8];

        var result = job.CheckShare(extranonce1, extranonce2, job.NTime, 42, job.Version);

        Span<byte> header = stackalloc byte[80];
        job.WriteHeader(extranonce1, extranonce2, job.NTime, 42, job.Version, header);
        Span<byte> expected = stackalloc byte[32];
        if (network.Algorithm == PowAlgorithm.Scrypt)
        {
            ScryptForTests.Hash(header, expected);
        }
        else
        {
            BitmernSolo.Stratum.Crypto.Sha256D.Hash(header, expected);
        }

        Assert.Equal(Convert.ToHexStringLower(expected), result.PowHash.ToInternalHex());
        Assert.Equal(BitmernSolo.Stratum.Crypto.Hash256.Compute(header), result.BlockHash); // the block's identity is always SHA-256d
        Assert.Equal(network.ShareMultiplier, job.ShareMultiplier);
        Assert.Equal(result.AchievedDifficulty * network.ShareMultiplier, result.StratumDifficulty(job.ShareMultiplier));
        var achieved = result.StratumDifficulty(job.ShareMultiplier);
        Assert.True(result.Meets(Target.FromDifficulty(achieved * 0.999, job.ShareMultiplier))); // the share target of a slightly lower difficulty
        Assert.False(result.Meets(Target.FromDifficulty(achieved * 1.001, job.ShareMultiplier)));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void AnMwebTemplateIsAcceptedOnlyByCoinsWithMweb(string coinId, NetworkKind kind)
    {
        var network = CoinRegistry.Get(coinId, kind);

        if (network.HasMweb)
        {
            Assert.NotNull(Build(network, withMweb: true).Template.MwebBlock);
        }
        else
        {
            Assert.Throws<JobException>(() => Build(network, withMweb: true));
        }
    }

    [Fact]
    public void AShareExactlyAtItsTargetMeetsItAndOneAboveDoesNot()
    {
        var job = Build(CoinRegistry.Get("bitcoin", NetworkKind.Regtest), withMweb: false);
        var result = job.CheckShare([1, 2, 3, 4], [5, 6, 7, 8], job.NTime, 7, job.Version);
        Span<byte> hash = stackalloc byte[32];
        result.PowHash.WriteInternalBytes(hash);
        var exact = Target.FromLittleEndianBytes(hash);

        Assert.True(result.Meets(exact));
        Assert.False(result.Meets(Target.FromBigInteger(exact.ToBigInteger() - 1)));
    }
}
