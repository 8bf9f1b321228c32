using System.Net;
using BitmernSolo.Bench.Load;
using BitmernSolo.Bench.Regtest;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Bench;

/// <summary>
/// The benchmark's realistic run, small: the load generator against the whole app on a real <c>litecoind -regtest</c> pair,
/// each new block mined on the peer and reaching the pool's node over P2P. Facts only (every connection got every block),
/// never timings: those are in BENCHMARKS.md.
/// </summary>
public sealed class LitecoindLoadTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task EveryBlockMinedOnThePeerReachesEveryConnectionOfTheAppThroughTheLoadGenerator()
    {
        if (LitecoindPair.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var pair = await LitecoindPair.StartAsync(cancellationToken);
        await using var app = new MiningAppFactory(_data.Path, pair.Pool.RpcUrl);
        app.StartServer();
        var options = new LoadOptions
        {
            Pool = new IPEndPoint(IPAddress.Loopback, app.StratumPort), Connections = 20, ConnectRate = 200, FanOuts = 3,
            SubmitConnections = 0, SubmitDuration = TimeSpan.Zero, Addresses = 5, AddressPrefix = "rltc",
        };

        var result = await LoadGenerator.RunAsync(options, pair.MineOnPeerAsync, TextWriter.Null);

        Assert.Equal(options.Connections, result.Connected);
        Assert.Equal(options.FanOuts, result.FanOuts.Count);
        Assert.All(result.FanOuts, f => Assert.Equal(options.Connections, f.Reached));
        Assert.Equal(LitecoindPair.StartHeight + options.FanOuts, (await pair.Pool.Rpc.GetBlockchainInfoAsync(cancellationToken)).Blocks);
    }
}
