using BitmernSolo.Stratum.Addresses;
using System.Text;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Tests.Regtest;

/// <summary>The pool's job manager against a real litecoind: per-miner jobs, submission, clean jobs on the new tip.</summary>
public sealed class PoolJobManagerRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    private async Task<PoolJobManager> CreateManagerAsync(TimeSpan? pollInterval = null) => new(
        [node.Rpc],
        new PoolJobOptions
        {
            Coin = ScryptForTests.Litecoin,
            TemplateRules = RegtestMiner.LitecoinRules,
            DefaultPayoutScript = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("legacy")),
            CoinbaseTag = Encoding.ASCII.GetBytes("/BitmernSolo/"),
            Extranonce1Size = 4,
            Extranonce2Size = 8,
            PollInterval = pollInterval ?? TimeSpan.FromSeconds(1),
        },
        TimeProvider.System);

    [Fact]
    public async Task EachMinerGetsAJobPayingTheirOwnScriptOnTheSameTemplateAndBranch()
    {
        node.SkipIfUnavailable();
        using var manager = await CreateManagerAsync();
        var published = new List<(IMiningJob Job, bool Clean)>();
        manager.JobPublished += (_, _) => throw new InvalidOperationException("a buggy subscriber");
        manager.JobPublished += (job, clean) => published.Add((job, clean));

        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));

        var alice = (MiningJob)manager.GetJobFor(await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32")))!;
        var bob = (MiningJob)manager.GetJobFor(await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("p2sh-segwit")))!;
        Assert.Single(published); // the buggy subscriber before it did not stop the publication
        Assert.True(published[0].Clean);
        Assert.IsType<InvalidOperationException>(manager.LastHandlerError);
        Assert.NotEqual(alice.Id, bob.Id);
        Assert.Same(alice, manager.CurrentJobFor(alice.PayoutScript));
        Assert.Same(alice, manager.FindJob(alice.PayoutScript, alice.Id));
        Assert.Null(manager.FindJob(bob.PayoutScript, alice.Id)); // a session cannot submit on someone else's job
        Assert.Same(alice, manager.FindJob(alice.Id));
        Assert.Equal(alice.Notify.MerkleBranch, bob.Notify.MerkleBranch);
        Assert.Equal(alice.Notify.Coinbase1, bob.Notify.Coinbase1);
        Assert.NotEqual(alice.Notify.Coinbase2, bob.Notify.Coinbase2);

        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));
        Assert.False(published[1].Clean); // same previous block: a refresh, not a new block
        Assert.Same(alice, manager.FindJob(alice.Id)); // still findable for late shares
    }

    [Fact]
    public async Task AMinersWinningShareIsSubmittedAcceptedAndTheNextJobIsCleanOnTheNewTip()
    {
        node.SkipIfUnavailable();
        using var manager = await CreateManagerAsync();
        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));
        var script = await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));
        var job = (MiningJob)manager.GetJobFor(script)!;
        var cleanJob = new TaskCompletionSource<IMiningJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.JobPublished += (published, clean) =>
        {
            if (clean)
            {
                cleanJob.TrySetResult(published);
            }
        };

        byte[] extranonce1 = [1, 2, 3, 4];
        var extranonce2 = new byte[8];
        uint nonce = 0;
        while (!job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version).MeetsNetworkTarget)
        {
            nonce++;
        }

        var result = await manager.SubmitBlockAsync(job, job.BuildBlockHex(extranonce1, extranonce2, job.NTime, nonce, job.Version), TestContext.Current.CancellationToken);

        Assert.True(result.Accepted, string.Join("; ", result.DaemonAnswers));
        Assert.Null(result.RejectReason);
        var next = await cleanJob.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(job.Height + 1, next.Height);
        Assert.Null(manager.FindJob(job.Id)); // jobs on the old tip are dropped
        var tip = await node.TipBlockAsync();
        CoinbaseAssertions.AssertOutput(tip.GetProperty("tx")[0].GetProperty("vout")[0], script.Memory, job.MinerRewardSatoshis);
    }

    [Fact]
    public async Task ARejectedBlockIsReportedWithTheDaemonsReasonNotThrown()
    {
        node.SkipIfUnavailable();
        using var manager = await CreateManagerAsync();
        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));
        var job = (MiningJob)manager.CurrentJob!;
        byte[] extranonce1 = [1, 2, 3, 4];
        var extranonce2 = new byte[8];
        uint nonce = 0;
        while (job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version).MeetsNetworkTarget)
        {
            nonce++; // find a hash that does NOT meet the target
        }

        var result = await manager.SubmitBlockAsync(job, job.BuildBlockHex(extranonce1, extranonce2, job.NTime, nonce, job.Version), TestContext.Current.CancellationToken);

        Assert.False(result.Accepted);
        Assert.Contains("high-hash", result.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongPollingDeliversABlockFoundElsewhereWithoutWaitingForThePoll()
    {
        node.SkipIfUnavailable();
        // Polling once an hour: only the long poll can notice the peer's block.
        using var manager = await CreateManagerAsync(pollInterval: TimeSpan.FromHours(1));
        var cleanJob = new TaskCompletionSource<IMiningJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource<IMiningJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.JobPublished += (job, clean) =>
        {
            if (!first.TrySetResult(job) && clean)
            {
                cleanJob.TrySetResult(job);
            }
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = manager.RunAsync(stop.Token);
        var before = await first.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await node.Peer.CallAsync("generatetoaddress", System.Text.Json.Nodes.JsonValue.Create(1), System.Text.Json.Nodes.JsonValue.Create(await node.NewAddressAsync("bech32")));

        var after = await cleanJob.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(before.Height + 1, after.Height);
        await stop.CancelAsync();
        await running;
    }
}
