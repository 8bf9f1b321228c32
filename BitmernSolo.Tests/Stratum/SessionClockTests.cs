using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

/// <summary>Session timers driven by a manual clock: no waiting on wall-clock time.</summary>
public class SessionClockTests
{
    private const string User = "ltc1qclock.rig";

    [Fact]
    public async Task TheIdleSweepLowersASilentMinersDifficultyAndAnnouncesIt()
    {
        var clock = new ManualTimeProvider();
        var varDiff = new VarDiffOptions { StartDifficulty = 1024, MinDifficulty = 1, MaxDifficulty = 1e6, RetargetSeconds = 60, TargetSecondsPerShare = 10 };
        await using var server = new StratumTestServer(new StratumServerOptions { SweepInterval = TimeSpan.FromSeconds(5) }, varDiff, time: clock);
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        Assert.Equal(1024, miner.Difficulty);

        clock.Advance(TimeSpan.FromSeconds(65));
        var lowered = await client.WaitForAsync("mining.set_difficulty");

        Assert.Equal(256, lowered.GetProperty("params")[0].GetDouble());
        Assert.Equal(256, server.Pool.GetSessions().Single().Difficulty);
    }

    [Fact]
    public async Task TheHandshakeTimeoutFollowsTheInjectedClock()
    {
        var clock = new ManualTimeProvider();
        var options = new StratumServerOptions { HandshakeTimeout = TimeSpan.FromSeconds(30), SweepInterval = TimeSpan.FromSeconds(5) };
        await using var server = new StratumTestServer(options, time: clock);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await client.CallAsync("mining.extranonce.subscribe", "[]")).IsTrue());
        clock.Advance(TimeSpan.FromSeconds(15));

        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task WorkerConnectAndDisconnectAreRaisedAndTheSessionIsListed()
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        var connected = new List<string>();
        var disconnected = new List<string>();
        server.Pool.WorkerConnected += (worker, _, agent) => connected.Add(worker.FullName + " " + agent);
        server.Pool.WorkerDisconnected += worker => disconnected.Add(worker.FullName);

        await using (var client = await server.ConnectAsync(Transport.Memory))
        {
            await new TestMiner(client).HandshakeAsCpuminerAsync(User);
            var session = Assert.Single(server.Pool.GetSessions());
            Assert.Equal("rig", session.Worker!.Value.Worker);
            Assert.Equal("cpuminer/2.5.1", session.UserAgent);
        }

        for (var i = 0; i < 200 && server.Pool.SessionCount > 0; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["ltc1qclock.rig cpuminer/2.5.1"], connected);
        Assert.Equal(["ltc1qclock.rig"], disconnected);
    }
}
