using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum;
using BitmernSolo.Tests.Stratum.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Mining.Support;

/// <summary>
/// The real app (Program) on real Kestrel sockets, with the shipped LTC pool switched to regtest against
/// <paramref name="daemonUrl"/>, its three stratum ports on free loopback ports, and its SQLite file in
/// <paramref name="dataDirectory"/>. Settings go in with <c>UseSetting</c>: the app reads the pool list while building
/// (stratum listeners and keyed work sources), before later configuration sources would be seen.
/// </summary>
public sealed class MiningAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public MiningAppFactory(string dataDirectory, Uri daemonUrl, IReadOnlyDictionary<string, string?>? extra = null)
    {
        StratumPort = LitecoindNode.FreePort();
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Database:DataDirectory"] = dataDirectory,
            ["Pools:2:Enabled"] = "true",
            ["Pools:2:Network"] = "regtest",
            ["Pools:2:Daemons:0:Url"] = daemonUrl.ToString(),
            ["Pools:2:Daemons:0:User"] = LitecoindNode.RpcUser,
            ["Pools:2:Daemons:0:Password"] = LitecoindNode.RpcPassword,
        };
        // The shipped LTC pool has three ports: all move to free ports, the first is the one tests use.
        for (var i = 0; i < 3; i++)
        {
            var port = i == 0 ? StratumPort : LitecoindNode.FreePort();
            _settings[$"Pools:2:Ports:{i}:Port"] = port.ToString(CultureInfo.InvariantCulture);
            _settings[$"Pools:2:Ports:{i}:Difficulty:Start"] = "0.0001";
            _settings[$"Pools:2:Ports:{i}:Difficulty:Min"] = "0.00000001";
            _settings[$"Pools:2:Ports:{i}:Difficulty:Max"] = "1000";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel();
    }

    public int StratumPort { get; }

    /// <summary>A test miner's connection to <paramref name="port"/> (one of the pool's stratum ports), the first one by default.</summary>
    public async Task<StratumTestClient> ConnectMinerAsync(int? port = null)
    {
        StartServer();
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port ?? StratumPort, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        return new StratumTestClient(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)), new Connection(tcp, stream));
    }

    /// <summary>
    /// A scrypt test miner on <paramref name="port"/> (the first stratum port by default) that has shaken hands as cpuminer
    /// does (subscribe, authorize as <paramref name="user"/>) and holds its first job.
    /// </summary>
    public Task<TestMiner> ConnectCpuminerAsync(string user, int? port = null) =>
        ConnectScryptMinerAsync(miner => miner.HandshakeAsCpuminerAsync(user), port);

    /// <summary>
    /// A scrypt test miner on the first stratum port that has shaken hands as a BitAxe does (configure, subscribe, authorize
    /// as <paramref name="user"/>, suggest <paramref name="suggestedDifficulty"/>) and holds its first job.
    /// </summary>
    public Task<TestMiner> ConnectBitAxeAsync(string user, double suggestedDifficulty) =>
        ConnectScryptMinerAsync(miner => miner.HandshakeAsBitAxeAsync(user, suggestedDifficulty), port: null);

    /// <summary>A client of the web UI (the factory's own client would pick whichever listener comes first, maybe stratum).</summary>
    public HttpClient CreateWebClient()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new HttpClient { BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))) };
    }

    private async Task<TestMiner> ConnectScryptMinerAsync(Func<TestMiner, Task> handshake, int? port)
    {
        var miner = new TestMiner(await ConnectMinerAsync(port), PowAlgorithm.Scrypt, 65536); // Litecoin's share multiplier
        try
        {
            await handshake(miner);
            await miner.SyncAsync();
            return miner;
        }
        catch
        {
            await miner.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private sealed class Connection(TcpClient tcp, Stream stream) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            tcp.Dispose();
        }
    }
}
