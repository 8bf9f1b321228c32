using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Tests.Stratum.Support;

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
