using BitmernSolo.Stratum.Addresses;
using System.Buffers.Binary;
using System.Text;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Serialization;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Stratum.Templates;
using BitmernSolo.Stratum.Transactions;
using BitmernSolo.Tests.Templates;

namespace BitmernSolo.Tests.Jobs;

public sealed class JobBuilderTests
{
    private static readonly PayoutScript Miner = PayoutScript.ForWitnessProgram(0, Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6"));
    private static readonly PayoutScript Pool = PayoutScript.P2pkh(Convert.FromHexString("62e907b15cbf27d5425399ebf6f0fb50ebb88f18"));
    private static readonly byte[] Extranonce1 = [0x01, 0x02, 0x03, 0x04];
    private static readonly byte[] Extranonce2 = [0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7];
    private static readonly byte[] Tag = Encoding.ASCII.GetBytes("/BitmernSolo/");

    private static JobRequest Request(BlockTemplate template, decimal feePercent = 0, byte[]? tag = null, JobCoinRules? coin = null) =>
        new(template, coin ?? JobCoinRules.Sha256D with { SupportsMweb = true }, Miner.Memory, Pool.Memory, feePercent, tag ?? Tag, 4, 8, "1f");

    private static MiningJob Build(BlockTemplate template, decimal feePercent = 0, byte[]? tag = null) =>
        JobBuilder.Build(Request(template, feePercent, tag), new FixedClock());

    private static BlockTemplate Template(bool withMweb = false) => BlockTemplate.Parse(TemplateSamples.Litecoin(withMweb).ToJsonString());

    [Fact]
    public void Coinb1ExtranoncesAndCoinb2AssembleIntoTheCoinbaseWeMeant()
    {
        var job = Build(Template(), feePercent: 1.5m);
        var coinbase = Transaction.Parse([.. job.Coinbase1, .. Extranonce1, .. Extranonce2, .. job.Coinbase2]);

        Assert.True(coinbase.IsCoinbase);
        Assert.Equal(uint.MaxValue, coinbase.Inputs[0].Sequence);
        Assert.Equal(0u, coinbase.LockTime);
        Assert.Equal("02b101" + "01020304" + "a0a1a2a3a4a5a6a7" + Convert.ToHexStringLower(Tag), Convert.ToHexStringLower(coinbase.Inputs[0].ScriptSig.Span));
        Assert.Equal(3, coinbase.Outputs.Count);
        var fee = 5_000_001_000L * 15 / 1000;
        Assert.Equal((5_000_001_000L - fee, Miner.ToHex()), (coinbase.Outputs[0].ValueSatoshis, Convert.ToHexStringLower(coinbase.Outputs[0].ScriptPubKey.Span)));
        Assert.Equal((fee, Pool.ToHex()), (coinbase.Outputs[1].ValueSatoshis, Convert.ToHexStringLower(coinbase.Outputs[1].ScriptPubKey.Span)));
        Assert.Equal((0L, TemplateSamples.WitnessCommitment), (coinbase.Outputs[2].ValueSatoshis, Convert.ToHexStringLower(coinbase.Outputs[2].ScriptPubKey.Span)));
        Assert.Equal(5_000_001_000L, job.MinerRewardSatoshis + job.FeeSatoshis);
    }

    [Fact]
    public void WithoutAFeeThereIsNoFeeOutputAndTheMinerGetsEverything()
    {
        var job = Build(Template());
        var coinbase = Transaction.Parse(job.BuildCoinbase(Extranonce1, Extranonce2));

        Assert.Equal(2, coinbase.Outputs.Count);
        Assert.Equal(5_000_001_000L, coinbase.Outputs[0].ValueSatoshis);
        Assert.Null(job.FeeScript);
    }

    [Fact]
    public void JobsOfOneTemplateForDifferentMinersShareTheTemplatesNotifyTextAndDifferOnlyInTheCoinbase()
    {
        // A solo pool builds a job per payout address on every new block: the template's part of the notify is made once.
        var template = Template();
        var branch = Merkle.ComputeBranch([.. template.Transactions.Select(t => t.TxId)]);
        var other = PayoutScript.P2pkh(Convert.FromHexString("89abcdefabbaabbaabbaabbaabbaabbaabbaabba"));
        var mine = JobBuilder.Build(Request(template), branch, new FixedClock());
        var theirs = JobBuilder.Build(Request(template) with { MinerScript = other.Memory }, branch, new FixedClock());

        Assert.Same(mine.Notify.MerkleBranch, theirs.Notify.MerkleBranch);
        Assert.Same(mine.Notify.PreviousHash, theirs.Notify.PreviousHash);
        Assert.Equal(mine.Notify with { Coinbase2 = theirs.Notify.Coinbase2 }, theirs.Notify with { MerkleBranch = mine.Notify.MerkleBranch });
        Assert.NotEqual(mine.Notify.Coinbase2, theirs.Notify.Coinbase2);
        Assert.Equal(JobBuilder.Build(Request(template), new FixedClock()).Notify.MerkleBranch, mine.Notify.MerkleBranch);
    }

    [Theory]
    [InlineData(false, 0, true)]
    [InlineData(false, 0, false)]
    [InlineData(true, 0, true)]
    [InlineData(false, 1.5, true)]
    [InlineData(true, 2, false)]
    public void ANotifyWrittenStraightFromTheJobIsByteForByteTheJsonWritersOne(bool withMweb, double feePercent, bool clean)
    {
        var template = Template(withMweb);
        var job = Build(template, (decimal)feePercent);
        var noBranch = JobBuilder.Build(Request(template), [], new FixedClock());

        foreach (var j in (MiningJob[])[job, noBranch])
        {
            var direct = PreparedNotify.SerializeDirect(j, clean);
            Assert.Equal(Encoding.UTF8.GetString(PreparedNotify.Serialize(j.Notify, clean)), Encoding.UTF8.GetString(direct));
            Assert.Equal(direct, PreparedNotify.Of(j).For(clean)); // what sessions send
            var written = new System.Buffers.ArrayBufferWriter<byte>(16); // smaller than the notify: the writer must grow
            PreparedNotify.Of(j).WriteTo(written, clean); // what the first session sends
            Assert.Equal(direct, written.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void AJobsFirstSenderWritesTheNotifyStraightAndItIsKeptOnlyOnceASecondSenderAsks()
    {
        // A solo miner's own job is usually sent once: its bytes are not kept (they were promoted through every generation of
        // the collector during the new-block fan-out). A job two sessions mine is serialized once more and shared.
        var prepared = PreparedNotify.Of(Build(Template()));

        Assert.True(prepared.ClaimFirstUse(clean: true));
        Assert.False(prepared.IsKept(clean: true));
        Assert.False(prepared.ClaimFirstUse(clean: true)); // the second sender takes the shared bytes
        var shared = prepared.Clean;
        Assert.True(prepared.IsKept(clean: true));
        Assert.Same(shared, prepared.Clean);
        Assert.False(prepared.ClaimFirstUse(clean: true));

        Assert.True(prepared.ClaimFirstUse(clean: false)); // the variants are claimed apart
        Assert.False(prepared.IsKept(clean: false));
    }

    [Fact]
    public void TheNotifyParametersAreTheTemplatesFieldsInStratumForm()
    {
        var template = Template();
        var job = Build(template);

        Assert.Equal("1f", job.Notify.JobId);
        Assert.Equal(StratumEncoding.PreviousHashToStratumHex(template.PreviousBlockHash), job.Notify.PreviousHash);
        Assert.Equal("30000010", job.Notify.Version);
        Assert.Equal("207fffff", job.Notify.NBits);
        Assert.Equal("6553f164", job.Notify.NTime); // 1,700,000,100
        Assert.Equal(Convert.ToHexStringLower(job.Coinbase1), job.Notify.Coinbase1);
        Assert.Equal(Convert.ToHexStringLower(job.Coinbase2), job.Notify.Coinbase2);
        // One template transaction: the branch is its txid, internal byte order.
        Assert.Equal(Hash256.FromDisplayHex(TemplateSamples.TransactionTxId).ToInternalHex(), Assert.Single(job.Notify.MerkleBranch));
    }

    [Fact]
    public void AnOversizedCoinbaseTagIsRefusedSayingHowMuchFits()
    {
        // scriptSig = 3 (height push) + 4 + 8 + tag ≤ 100 → the tag may have 85 bytes.
        Build(Template(), tag: new byte[85]);

        var error = Assert.Throws<JobException>(() => Build(Template(), tag: new byte[86]));

        Assert.Contains("over the consensus limit of 100", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 85 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void AFeeOutsideZeroToOneHundredPercentIsRefused(int percent)
    {
        Assert.Throws<JobException>(() => Build(Template(), feePercent: percent));
    }

    [Fact]
    public void AFeeWithoutAFeeScriptIsRefused()
    {
        var error = Assert.Throws<JobException>(() => JobBuilder.Build(Request(Template(), 2) with { FeeScript = null }, new FixedClock()));
        Assert.Contains("no fee address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnMwebTemplateForACoinWithoutMwebIsRefused()
    {
        var error = Assert.Throws<JobException>(() => JobBuilder.Build(Request(Template(withMweb: true), coin: JobCoinRules.Sha256D), new FixedClock()));
        Assert.Contains("MWEB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongExtranonceSizesAreRefused()
    {
        var job = Build(Template());
        Assert.Throws<ArgumentException>(() => job.CheckShare(Extranonce1, Extranonce2.AsSpan(0, 4), 0, 0, job.Version));
        Assert.Throws<ArgumentException>(() => job.BuildBlockHex(Extranonce1.AsSpan(0, 2), Extranonce2, 0, 0, job.Version));
    }

    [Fact]
    public void TheShareCheckHashesTheHeaderTheBlockStartsWith()
    {
        var job = Build(Template());
        const uint ntime = 1_700_000_123, nonce = 0xdeadbeef, version = 0x30002010;

        var result = job.CheckShare(Extranonce1, Extranonce2, ntime, nonce, version);
        var block = job.BuildBlock(Extranonce1, Extranonce2, ntime, nonce, version);
        var header = block.AsSpan(0, 80);

        Assert.Equal(Hash256.Compute(header), result.BlockHash);
        Assert.Equal(result.BlockHash, result.PowHash); // SHA-256d coin
        Assert.Equal(Target.DifficultyOfHash(Sha256D.Hash(header)), result.AchievedDifficulty);
        Assert.Equal(version, BinaryPrimitives.ReadUInt32LittleEndian(header));
        Assert.Equal(job.PreviousBlockHash, Hash256.FromInternalBytes(header[4..36]));
        Assert.Equal(ntime, BinaryPrimitives.ReadUInt32LittleEndian(header[68..]));
        Assert.Equal(0x207fffffu, BinaryPrimitives.ReadUInt32LittleEndian(header[72..]));
        Assert.Equal(nonce, BinaryPrimitives.ReadUInt32LittleEndian(header[76..]));
        var coinbaseTxId = Hash256.Compute(job.BuildCoinbase(Extranonce1, Extranonce2));
        Assert.Equal(Merkle.ComputeRoot([coinbaseTxId, Hash256.FromDisplayHex(TemplateSamples.TransactionTxId)]), Hash256.FromInternalBytes(header[36..68]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheBlockIsHeaderCountSegwitCoinbaseTemplateTransactionsAndTheMwebExtension(bool withMweb)
    {
        var job = Build(Template(withMweb));
        var block = job.BuildBlock(Extranonce1, Extranonce2, 1, 2, job.Version);

        var reader = new SpanReader(block.AsSpan(80));
        Assert.True(reader.TryReadCompactSize(out var count));
        Assert.Equal(2ul, count);
        var coinbase = Transaction.Read(ref reader);
        Assert.Equal(new byte[32], Assert.Single(coinbase.Inputs[0].Witness).ToArray()); // BIP141 reserved value
        Assert.Equal(job.BuildCoinbase(Extranonce1, Extranonce2), coinbase.ToBytes(includeWitness: false));
        Assert.True(reader.TryReadBytes(TemplateSamples.TransactionData.Length / 2, out var data));
        Assert.Equal(TemplateSamples.TransactionData, Convert.ToHexStringLower(data));
        Assert.Equal(withMweb ? "010102030405" : string.Empty, Convert.ToHexStringLower(reader.RemainingBytes));
    }

    [Fact]
    public void WithoutAWitnessCommitmentTheCoinbaseIsLegacyAndHasNoCommitmentOutput()
    {
        var json = TemplateSamples.Litecoin();
        json.Remove("default_witness_commitment");
        var job = Build(BlockTemplate.Parse(json.ToJsonString()));

        var block = job.BuildBlock(Extranonce1, Extranonce2, 1, 2, job.Version);

        var coinbase = job.BuildCoinbase(Extranonce1, Extranonce2);
        Assert.Equal(Convert.ToHexStringLower(coinbase), Convert.ToHexStringLower(block.AsSpan(81, coinbase.Length)));
        Assert.Single(Transaction.Parse(coinbase).Outputs);
        Assert.Equal(80 + 1 + coinbase.Length + (TemplateSamples.TransactionData.Length / 2), block.Length);
    }

    [Fact]
    public void BuildingIsAPureFunctionOfItsInputsAndTheClock()
    {
        var first = Build(Template(), 1);
        var second = Build(Template(), 1);

        Assert.Equal(first.Notify.Coinbase1, second.Notify.Coinbase1);
        Assert.Equal(first.Notify.Coinbase2, second.Notify.Coinbase2);
        Assert.Equal(first.Notify.MerkleBranch, second.Notify.MerkleBranch);
        Assert.Equal(new FixedClock().GetUtcNow(), first.CreatedAt);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    }
}
