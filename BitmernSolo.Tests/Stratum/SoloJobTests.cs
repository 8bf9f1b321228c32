using System.Text;
using System.Text.Json;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Templates;

namespace BitmernSolo.Tests.Stratum;

/// <summary>In a solo pool each miner's coinbase pays its own address: the job a session gets depends on its payout script.</summary>
public class SoloJobTests
{
    [Fact]
    public async Task EachSessionMinesTheJobOfItsOwnPayoutScriptAndCannotSubmitAnothersJob()
    {
        var work = new PerScriptWorkSource();
        var options = new StratumServerOptions();
        using var pool = new StratumPool(new StratumPoolSettings("ltc"), work, new TestAddressValidator(), options,
            new ConnectionGate(options, TimeProvider.System), new ShareAggregator(), new InMemoryWorkerDifficultyStore(), TimeProvider.System);
        var varDiff = new VarDiffOptions { StartDifficulty = 1e-6, MinDifficulty = 1e-9 };
        await using var alice = Connect(pool, varDiff);
        await using var bob = Connect(pool, varDiff);
        var aliceMiner = new TestMiner(alice.Client);
        var bobMiner = new TestMiner(bob.Client);

        await aliceMiner.HandshakeAsCpuminerAsync("ltc1qalice");
        await bobMiner.HandshakeAsCpuminerAsync("ltc1qbobby");
        await aliceMiner.SyncAsync();
        await bobMiner.SyncAsync();

        Assert.NotEqual(aliceMiner.CurrentJobId, bobMiner.CurrentJobId);
        Assert.True((await aliceMiner.MineShareAsync()).IsTrue());
        var (nonce, ntime) = aliceMiner.Grind(9, 0, BitmernSolo.Stratum.Targets.Target.FromDifficulty(aliceMiner.Difficulty));
        var stolen = await bobMiner.SubmitAsync(aliceMiner.CurrentJobId!, 9, ntime, nonce, null);
        Assert.Equal(21, stolen.ErrorCode());

        work.PublishRound(clean: false);
        var aliceNext = await alice.Client.WaitForAsync("mining.notify");
        var bobNext = await bob.Client.WaitForAsync("mining.notify");
        Assert.EndsWith("ce1", aliceNext.GetProperty("params")[0].GetString(), StringComparison.Ordinal);
        Assert.EndsWith("by1", bobNext.GetProperty("params")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnANewBlockEachMinerGetsItsOwnJobsNotifyAndOnlyAJobTwoSessionsMineKeepsItsBytes()
    {
        using var http = new HttpClient();
        var daemon = new BitmernSolo.Stratum.Daemons.DaemonRpcClient(http, new BitmernSolo.Stratum.Daemons.DaemonEndpoint(new Uri("http://127.0.0.1:1/"), "u", "p")); // never called
        using var work = new PoolJobManager([daemon], new PoolJobOptions
        {
            Coin = JobCoinRules.Sha256D with { SupportsMweb = true },
            TemplateRules = ["segwit"],
            DefaultPayoutScript = BitmernSolo.Stratum.Addresses.PayoutScript.P2pkh(new byte[20]),
        }, TimeProvider.System);
        Assert.True(work.Publish(Template(TemplateSamples.PreviousBlockHash)));
        var options = new StratumServerOptions();
        using var pool = new StratumPool(new StratumPoolSettings("ltc"), work, new TestAddressValidator(), options,
            new ConnectionGate(options, TimeProvider.System), new ShareAggregator(), new InMemoryWorkerDifficultyStore(), TimeProvider.System);
        var varDiff = new VarDiffOptions { StartDifficulty = 1e-6, MinDifficulty = 1e-9 };
        await using var alice = Connect(pool, varDiff);
        await using var aliceRig2 = Connect(pool, varDiff);
        await using var bob = Connect(pool, varDiff);
        var miners = new[] { (alice, "ltc1qalice.rig1"), (aliceRig2, "ltc1qalice.rig2"), (bob, "ltc1qbobby") };
        foreach (var (connection, user) in miners)
        {
            var miner = new TestMiner(connection.Client);
            await miner.HandshakeAsCpuminerAsync(user);
            await miner.SyncAsync();
        }

        var newTip = new string('7', 64);
        Assert.True(work.Publish(Template(newTip)));
        var notifies = new List<JsonElement>();
        foreach (var (connection, _) in miners)
        {
            notifies.Add((await connection.Client.WaitForAsync("mining.notify")).GetProperty("params"));
        }

        var aliceJob = (MiningJob)work.CurrentJobFor(Encoding.UTF8.GetBytes("ltc1qalice"))!;
        var bobJob = (MiningJob)work.CurrentJobFor(Encoding.UTF8.GetBytes("ltc1qbobby"))!;
        var expected = new[] { aliceJob, aliceJob, bobJob }.Select(j => JsonDocument.Parse(PreparedNotify.SerializeDirect(j, clean: true)).RootElement.GetProperty("params").GetRawText());
        Assert.Equal(expected, notifies.Select(n => n.GetRawText()));
        Assert.NotEqual(aliceJob.Id, bobJob.Id);
        Assert.True(PreparedNotify.Of(aliceJob).IsKept(clean: true)); // two sessions sent it
        Assert.False(PreparedNotify.Of(bobJob).IsKept(clean: true)); // written straight into bob's transport, nothing kept
    }

    private static BitmernSolo.Stratum.Templates.BlockTemplate Template(string previousBlockHash)
    {
        var json = TemplateSamples.Litecoin();
        json["previousblockhash"] = previousBlockHash;
        return BitmernSolo.Stratum.Templates.BlockTemplate.Parse(json.ToJsonString());
    }

    private static Connection Connect(StratumPool pool, VarDiffOptions varDiff)
    {
        var toServer = new System.IO.Pipelines.Pipe();
        var toClient = new System.IO.Pipelines.Pipe();
        var session = Task.Run(() => pool.RunSessionAsync(new Duplex(toServer.Reader, toClient.Writer), null, varDiff, CancellationToken.None));
        return new Connection(new StratumTestClient(toClient.Reader, toServer.Writer), session);
    }

    private sealed record Duplex(System.IO.Pipelines.PipeReader Input, System.IO.Pipelines.PipeWriter Output) : System.IO.Pipelines.IDuplexPipe;

    private sealed record Connection(StratumTestClient Client, Task Session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Session.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
