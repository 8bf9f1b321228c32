using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Jobs;

public sealed class PoolJobManagerTests
{
    [Fact]
    public async Task AnUnreachableDaemonMeansNoWorkAndASubmissionReportsTheErrorWithoutThrowing()
    {
        using var http = new HttpClient();
        var daemon = new DaemonRpcClient(http, new DaemonEndpoint(new Uri($"http://127.0.0.1:{LitecoindNode.FreePort()}/"), "u", "p") { Timeout = TimeSpan.FromSeconds(5) });
        using var manager = new PoolJobManager(
            [daemon],
            new PoolJobOptions { Coin = JobCoinRules.Sha256D, TemplateRules = ["segwit"], DefaultPayoutScript = PayoutScript.P2pkh(new byte[20]) },
            TimeProvider.System);

        Assert.False(await manager.RefreshAsync(TestContext.Current.CancellationToken));

        Assert.Null(manager.CurrentJob);
        Assert.Null(manager.GetJobFor(PayoutScript.P2pkh(new byte[20])));
        Assert.Contains("unreachable", manager.NoWorkReason, StringComparison.Ordinal);
        var fakeJob = new FakeJob();
        var result = await manager.SubmitBlockAsync(fakeJob, "00", TestContext.Current.CancellationToken);
        Assert.False(result.Accepted);
        Assert.Single(result.DaemonAnswers);
        Assert.Contains("unreachable", result.RejectReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void RefreshesWithinABlockKeepTheLastTemplateHistoryTemplatesJobsAndANewBlockDropsThemAll(int history)
    {
        using var http = new HttpClient();
        var daemon = new DaemonRpcClient(http, new DaemonEndpoint(new Uri("http://127.0.0.1:1/"), "u", "p")); // never called: templates are published directly
        using var manager = new PoolJobManager(
            [daemon],
            new PoolJobOptions { Coin = JobCoinRules.Sha256D with { SupportsMweb = true }, TemplateRules = ["segwit"], DefaultPayoutScript = PayoutScript.P2pkh(new byte[20]), TemplateHistory = history },
            TimeProvider.System);
        var miner = PayoutScript.ForWitnessProgram(0, new byte[20]);
        var jobs = new List<IMiningJob>();
        for (var i = 0; i < history + 2; i++)
        {
            Assert.True(manager.Publish(Template()));
            jobs.Add(manager.GetJobFor(miner)!);
        }

        // The last `history` templates' jobs are still found for late shares; older ones are gone (answered stale).
        for (var i = 0; i < jobs.Count; i++)
        {
            var kept = i >= jobs.Count - history;
            Assert.True(kept == (manager.FindJob(miner.Memory, jobs[i].Id) is not null), $"job of template {i + 1} of {jobs.Count}, history {history}");
        }

        Assert.True(manager.Publish(Template(previousBlock: "11")));
        Assert.All(jobs, job => Assert.Null(manager.FindJob(job.Id)));
    }

    [Fact]
    public void AJobIsFoundOnlyForItsOwnPayoutScriptAndANewBlockDropsOlderJobsEvenWhenItsTemplateCannotBeBuilt()
    {
        using var http = new HttpClient();
        var daemon = new DaemonRpcClient(http, new DaemonEndpoint(new Uri("http://127.0.0.1:1/"), "u", "p")); // never called
        using var manager = new PoolJobManager(
            [daemon],
            new PoolJobOptions { Coin = JobCoinRules.Sha256D, TemplateRules = ["segwit"], DefaultPayoutScript = PayoutScript.P2pkh(new byte[20]), TemplateHistory = 4 },
            TimeProvider.System);
        var alice = PayoutScript.ForWitnessProgram(0, new byte[20]);
        var bob = PayoutScript.ForWitnessProgram(0, Enumerable.Repeat((byte)7, 20).ToArray());
        Assert.True(manager.Publish(Template()));
        var first = manager.GetJobFor(alice)!;
        Assert.True(manager.Publish(Template()));
        var second = manager.GetJobFor(alice)!;
        var bobs = manager.GetJobFor(bob)!;

        // A refresh the pool cannot build a job from (an MWEB block for a coin without MWEB) keeps the block's jobs.
        Assert.False(manager.Publish(Template(withMweb: true)));
        Assert.Contains("MWEB", manager.NoWorkReason, StringComparison.Ordinal);
        Assert.Same(first, manager.FindJob(alice.Memory, first.Id));
        Assert.Same(second, manager.FindJob(alice.Memory, second.Id));
        Assert.Same(bobs, manager.FindJob(bob.Memory, bobs.Id));
        Assert.Same(first, manager.FindJob(first.Id));
        Assert.Null(manager.FindJob(bob.Memory, first.Id)); // nobody submits on another miner's job
        Assert.Null(manager.FindJob(alice.Memory, bobs.Id));
        Assert.Null(manager.FindJob(alice.Memory, "ffffff"));

        // A new block makes them stale even though its own template is unusable: shares on them could only build orphans.
        Assert.False(manager.Publish(Template(previousBlock: "11", withMweb: true)));
        Assert.Null(manager.FindJob(alice.Memory, first.Id));
        Assert.Null(manager.FindJob(alice.Memory, second.Id));
        Assert.Null(manager.FindJob(bob.Memory, bobs.Id));
        Assert.All([first, second, bobs], job => Assert.Null(manager.FindJob(job.Id)));
        Assert.Null(manager.CurrentJob);
    }

    private static BitmernSolo.Stratum.Templates.BlockTemplate Template(string? previousBlock = null, bool withMweb = false)
    {
        var json = BitmernSolo.Tests.Templates.TemplateSamples.Litecoin(withMweb);
        if (previousBlock is not null)
        {
            json["previousblockhash"] = previousBlock.PadLeft(64, '0');
        }

        return BitmernSolo.Stratum.Templates.BlockTemplate.Parse(json.ToJsonString());
    }

    private sealed class FakeJob : IMiningJob
    {
        public string Id => "f";

        public long Height => 1;

        public BitmernSolo.Stratum.Crypto.Hash256 PreviousBlockHash => default;

        public uint Version => 1;

        public uint NTime => 0;

        public BitmernSolo.Stratum.Targets.Target NetworkTarget => BitmernSolo.Stratum.Targets.Target.DifficultyOne;

        public MiningNotifyParams Notify => new("f", "", "", "", [], "", "", "");

        public ShareCheckResult CheckShare(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version) => default;

        public string BuildBlockHex(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version) => "00";
    }
}
