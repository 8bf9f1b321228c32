using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Regtest;
using NetMQ;
using NetMQ.Sockets;

namespace BitmernSolo.Tests.Daemons;

/// <summary>
/// New blocks reach the pool without waiting for the poll (set to an hour here): long polling, ZMQ <c>hashblock</c> from a
/// real publisher on loopback, a direct notification; duplicates make no new work; the fan-out time is measured.
/// </summary>
public sealed class NewBlockTriggerRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task LongPollingDeliversANewBlockWithoutWaitingForThePoll()
    {
        node.SkipIfUnavailable();
        using var manager = RegtestPool.CreateManager([node.Rpc], await ScriptAsync(), AnHour);
        using var stop = new CancellationTokenSource();
        var run = manager.RunAsync(stop.Token);
        await RegtestPool.EventuallyAsync(() => manager.CurrentTemplate?.LongPollId is not null, "a first template");
        var clean = CleanJob(manager);

        var tip = await GenerateAsync();

        var job = await clean.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        Assert.Equal(tip, job.PreviousBlockHash);
        Assert.Equal("longpoll", manager.LastTip?.Source);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task AZmqHashblockFromARealPublisherDeliversTheNewBlockOnceAndItsFanOutIsMeasured()
    {
        node.SkipIfUnavailable();
        var address = await node.NewAddressAsync("bech32");
        using var manager = RegtestPool.CreateManager([node.Rpc], await CoinbaseAssertions.ScriptOfAsync(node, address), AnHour, longPolling: false);
        await using var stratum = new RegtestStratum(manager);
        var fanOut = new FanOutLatency();
        fanOut.Attach(stratum.Pool);
        using var stop = new CancellationTokenSource();
        var run = manager.RunAsync(stop.Token);
        await RegtestPool.EventuallyAsync(() => manager.CurrentJob is not null, "a first job");
        var miner = await stratum.ConnectMinerAsync(address);
        await miner.WaitForAsync("mining.notify");
        var published = 0;
        manager.JobPublished += (_, _) => Interlocked.Increment(ref published);
        var answers = new ConcurrentQueue<bool>();

        using var publisher = new PublisherSocket();
        var port = publisher.BindRandomPort("tcp://127.0.0.1");
        var notifier = new ZmqBlockNotifier($"tcp://127.0.0.1:{port}", async (hash, ct) => answers.Enqueue(await manager.NotifyNewBlockAsync(hash, "zmq", ct)));
        var listening = notifier.RunAsync(stop.Token);
        await notifier.Subscribed;
        var tip = await GenerateAsync();
        // ZMQ's slow joiner: the subscription reaches the publisher a moment after connecting, so announce until heard,
        // then twice more: the repeats are the duplicates that must make no new work.
        while (answers.IsEmpty)
        {
            Announce(publisher, tip);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Announce(publisher, tip);
        Announce(publisher, tip);
        await RegtestPool.EventuallyAsync(() => answers.Count >= 3, "three notifications handled");

        Assert.Equal(1, answers.Count(a => a));
        Assert.Equal(1, published);
        Assert.Equal(tip, manager.CurrentTemplate!.PreviousBlockHash);
        Assert.Equal("zmq", manager.LastTip?.Source);
        var notify = await miner.WaitForAsync("mining.notify");
        Assert.True(notify.GetProperty("params")[8].GetBoolean()); // clean_jobs
        // Recorded once the notify is flushed to the socket, which is just before or just after the miner reads it.
        await RegtestPool.EventuallyAsync(() => fanOut.Last("ltc") is not null, "the fan-out sample");
        var sample = fanOut.Last("ltc");
        Assert.NotNull(sample);
        Assert.Equal("zmq", sample.Source);
        Assert.Equal(1, sample.Sessions);
        Assert.Equal(manager.CurrentTemplate.Height, sample.Height);
        Assert.True(sample.Elapsed > TimeSpan.Zero);
        await stop.CancelAsync();
        await Task.WhenAll(run, listening);
    }

    [Fact]
    public async Task ANotificationForTheTipAlreadyMinedOnIsIgnored()
    {
        node.SkipIfUnavailable();
        using var manager = RegtestPool.CreateManager([node.Rpc], await ScriptAsync(), AnHour, longPolling: false);
        Assert.True(await manager.RefreshAsync(TestContext.Current.CancellationToken));
        var tip = await GenerateAsync();

        Assert.True(await manager.NotifyNewBlockAsync(tip, "blocknotify", TestContext.Current.CancellationToken));
        Assert.False(await manager.NotifyNewBlockAsync(tip, "zmq", TestContext.Current.CancellationToken));
        Assert.False(await manager.NotifyNewBlockAsync(null, "blocknotify", TestContext.Current.CancellationToken));
        Assert.Equal("blocknotify", manager.LastTip?.Source);
        Assert.Equal(tip, manager.LastTip?.BlockHash);
    }

    private static void Announce(PublisherSocket publisher, Hash256 tip) =>
        publisher.SendMoreFrame(ZmqBlockNotifier.Topic).SendMoreFrame(Convert.FromHexString(tip.ToDisplayHex())).SendFrame(BitConverter.GetBytes(1u));

    private static Task<IMiningJob> CleanJob(PoolJobManager manager)
    {
        var clean = new TaskCompletionSource<IMiningJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.JobPublished += (job, isClean) =>
        {
            if (isClean)
            {
                clean.TrySetResult(job);
            }
        };
        return clean.Task;
    }

    private async Task<PayoutScript> ScriptAsync() =>
        await CoinbaseAssertions.ScriptOfAsync(node, await node.NewAddressAsync("bech32"));

    private async Task<Hash256> GenerateAsync()
    {
        var hashes = await node.Miner.CallAsync("generatetoaddress", JsonValue.Create(1), JsonValue.Create(await node.NewAddressAsync("bech32")));
        return Hash256.FromDisplayHex(hashes[0].GetString()!);
    }
}
