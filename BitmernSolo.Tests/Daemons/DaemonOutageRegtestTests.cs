using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Daemons;

/// <summary>
/// A pool's only daemon stops while a miner is connected, then comes back (same ports, its chain from the peer): the pool
/// says it is down and hands out no work, the miner stays connected, and work resumes with the daemon.
/// </summary>
public sealed class DaemonOutageRegtestTests
{
    [Fact]
    public async Task WhenTheDaemonStopsWorkIsWithdrawnMinersStayConnectedAndWorkResumesWhenItIsBack()
    {
        if (!File.Exists(LitecoindNode.DaemonPath))
        {
            Assert.Skip($"litecoind not installed: {LitecoindNode.DaemonPath} is absent.");
        }

        int rpc = LitecoindNode.FreePort(), p2p = LitecoindNode.FreePort(), peerRpc = LitecoindNode.FreePort(), peerP2p = LitecoindNode.FreePort();
        await using var peer = LitecoindNode.Start(peerRpc, peerP2p, p2p, wallet: true);
        LitecoindNode? daemon = LitecoindNode.Start(rpc, p2p, peerP2p, wallet: false);
        try
        {
            await Task.WhenAll(peer.WaitForRpcAsync(TestContext.Current.CancellationToken), daemon.WaitForRpcAsync(TestContext.Current.CancellationToken));
            await peer.CallAsync("createwallet", JsonValue.Create("pool"));
            var address = (await peer.CallAsync("getnewaddress", JsonValue.Create(string.Empty), JsonValue.Create("bech32"))).GetString()!;
            Assert.True(AddressParser.TryParse(RegtestPool.Litecoin, address, out var script, out var error), error);
            await RegtestPool.EventuallyAsync(() => daemon.Rpc.GetNetworkInfoAsync().Result.Connections > 0, "the daemon peers");

            // The pool's own client outlives the daemon process, as in the app.
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var client = new DaemonRpcClient(http, new DaemonEndpoint(daemon.RpcUrl, LitecoindNode.RpcUser, LitecoindNode.RpcPassword) { Timeout = TimeSpan.FromSeconds(10) });
            using var monitor = new DaemonHealthMonitor("ltc", [client], RegtestPool.Litecoin, null, TimeProvider.System);
            using var manager = RegtestPool.CreateManager([client], script, TimeSpan.FromMilliseconds(250), monitor);
            await using var stratum = new RegtestStratum(manager);
            using var stop = new CancellationTokenSource();
            var run = manager.RunAsync(stop.Token);
            var monitoring = monitor.RunAsync(TimeSpan.FromMilliseconds(250), stop.Token);
            await RegtestPool.EventuallyAsync(() => manager.CurrentJob is not null, "a first job");
            var miner = await stratum.ConnectMinerAsync(address);
            await miner.WaitForAsync("mining.notify");

            await daemon.DisposeAsync();
            daemon = null;
            await RegtestPool.EventuallyAsync(() => manager.NoWorkReason is not null && monitor.Status.State == DaemonState.Down, "the pool to notice");

            Assert.Null(manager.CurrentJob);
            Assert.Contains("127.0.0.1", manager.NoWorkReason, StringComparison.Ordinal); // names the daemon, whichever noticed first
            Assert.Equal(DaemonState.Down, monitor.Status.State);
            Assert.Equal(1, stratum.Pool.SessionCount);
            Assert.NotNull((await miner.CallAsync("mining.suggest_difficulty", "[0.001]")).GetProperty("id").GetRawText()); // still answered

            daemon = await RestartAsync(rpc, p2p, peerP2p);
            await RegtestPool.EventuallyAsync(() => manager.CurrentJob is not null, "work to resume");

            Assert.Equal(DaemonState.Synced, monitor.Status.State);
            Assert.Null(manager.NoWorkReason);
            await miner.WaitForAsync("mining.notify");
            Assert.Equal(1, stratum.Pool.SessionCount);
            await stop.CancelAsync();
            await Task.WhenAll(run, monitoring);
        }
        finally
        {
            if (daemon is not null)
            {
                await daemon.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the daemon again on its old ports; a port the old process still holds makes it exit, so try again.</summary>
    private static async Task<LitecoindNode> RestartAsync(int rpc, int p2p, int peerP2p)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = LitecoindNode.Start(rpc, p2p, peerP2p, wallet: false);
            try
            {
                await node.WaitForRpcAsync(TestContext.Current.CancellationToken);
                return node;
            }
            catch (DaemonRpcException) when (attempt < 5)
            {
                await node.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            }
        }
    }
}
