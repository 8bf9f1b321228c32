using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

/// <summary>What the admin Live sessions page reads from a session: port, last accepted share and hashrate.</summary>
public class SessionSnapshotTests
{
    private const string User = "ltc1qsnapshot.rig";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task AcceptedSharesSetTheLastShareTimeAndAHashrateAndThePortIsKept(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport, localPort: 3333);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var before = Assert.Single(server.Pool.GetSessions());
        var submittedAfter = DateTimeOffset.UtcNow;

        Assert.True((await miner.MineShareAsync(extranonce2: 1)).IsTrue());
        Assert.True((await miner.MineShareAsync(extranonce2: 2)).IsTrue());
        var after = Assert.Single(server.Pool.GetSessions());

        Assert.Equal((null, 0.0), (before.LastShareAt, before.Hashrate));
        Assert.InRange(after.LastShareAt!.Value, submittedAfter, DateTimeOffset.UtcNow);
        Assert.True(after.Hashrate > 0);
        Assert.NotNull(after.LocalPort);
        if (transport == Transport.Memory)
        {
            Assert.Equal(3333, after.LocalPort);
        }
    }

    [Fact]
    public void TheHashrateWindowCountsSinceConnectThenTheLastFiveToTenMinutesAndForgetsOldShares()
    {
        var window = new SessionHashrateWindow(T0);
        window.Record(6, T0.AddSeconds(60));

        Assert.Equal(HashrateMath.FromDifficultySum(6, 120, 1), window.Estimate(T0.AddSeconds(120), 1));

        window.Record(4, T0.AddMinutes(7)); // second bucket: the first still counts, window since connect
        Assert.Equal(HashrateMath.FromDifficultySum(10, 480, 1), window.Estimate(T0.AddMinutes(8), 1));

        // At 12 min the window is 5–12 min: the share at 1 min has left it, the one at 7 min stays.
        Assert.Equal(HashrateMath.FromDifficultySum(4, 420, 65536), window.Estimate(T0.AddMinutes(12), 65536));
        Assert.Equal(0, window.Estimate(T0.AddMinutes(16), 1));
    }
}
