using System.IO.Pipelines;
using System.Net;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Daemons;

/// <summary>A stratum pool on a real job manager with miners connected over in-memory pipes.</summary>
internal sealed class RegtestStratum : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly VarDiffOptions _varDiff = new() { StartDifficulty = 1e-6, MinDifficulty = 1e-9, MaxDifficulty = 1e6 };

    public RegtestStratum(IWorkSource work)
    {
        var options = new StratumServerOptions();
        Pool = new StratumPool(new StratumPoolSettings("ltc", RegtestPool.Litecoin.ShareMultiplier), work,
            new CoinNetworkAddressValidator(RegtestPool.Litecoin), options, new ConnectionGate(options, TimeProvider.System),
            new ShareAggregator(), new InMemoryWorkerDifficultyStore(), TimeProvider.System);
    }

    public StratumPool Pool { get; }

    /// <summary>A miner that subscribed and authorized as <paramref name="address"/>.rig1.</summary>
    public async Task<StratumTestClient> ConnectMinerAsync(string address)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        _sessions.Add(Task.Run(() => Pool.RunSessionAsync(new Duplex(toServer.Reader, toClient.Writer), new IPEndPoint(IPAddress.Loopback, 40_000 + _sessions.Count), _varDiff, _stop.Token)));
        var client = new StratumTestClient(toClient.Reader, toServer.Writer);
        await client.CallAsync("mining.subscribe", "[]");
        Assert.True((await client.CallAsync("mining.authorize", $"""["{address}.rig1","x"]""")).IsTrue());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_sessions);
        Pool.Dispose();
        _stop.Dispose();
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
