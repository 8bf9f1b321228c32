using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Daemons;

namespace BitmernSolo.Bench.Regtest;

/// <summary>One <c>litecoind -regtest</c> process on loopback with a temporary data directory (the tests' nodes and the benchmark's).</summary>
public sealed class LitecoindNode : IAsyncDisposable
{
    public const string DaemonPath = "/usr/bin/litecoind";
    public const string RpcUser = "bitmern";
    public const string RpcPassword = "regtest-only";

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private LitecoindNode(Process process, string dataDirectory, int rpcPort, int p2pPort, bool cookieAuth)
    {
        _process = process;
        DataDirectory = dataDirectory;
        RpcPort = rpcPort;
        P2pPort = p2pPort;
        var url = new Uri($"http://127.0.0.1:{rpcPort}/");
        Rpc = new DaemonRpcClient(_http, cookieAuth
            ? new DaemonEndpoint(url, CookieFile: CookieFile) { Timeout = TimeSpan.FromSeconds(60) }
            : new DaemonEndpoint(url, RpcUser, RpcPassword) { Timeout = TimeSpan.FromSeconds(60) });
    }

    public string DataDirectory { get; }

    public int RpcPort { get; }

    public int P2pPort { get; }

    public DaemonRpcClient Rpc { get; }

    /// <summary>Where the daemon writes its cookie when started without -rpcuser.</summary>
    public string CookieFile => Path.Combine(DataDirectory, "regtest", ".cookie");

    /// <summary>A client for this node with other credentials (to test refusals).</summary>
    public DaemonRpcClient ClientWith(DaemonEndpoint endpoint) => new(_http, endpoint);

    public Uri RpcUrl => new($"http://127.0.0.1:{RpcPort}/");

    /// <summary>
    /// A loopback port nothing listens on, and one this process has not been handed before: the kernel may give a port it
    /// just released again, and an app whose three stratum ports came out as two equal ones refuses to start.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <param name="initialBlockDownload">
    /// Keep the daemon's default max tip age: a fresh chain (only the 2011 genesis block) then stays in initial block
    /// download, as a real node does while syncing, until a block with a recent time arrives.
    /// </param>
    public static LitecoindNode Start(int rpcPort, int p2pPort, int peerP2pPort, bool wallet, bool cookieAuth = false, bool initialBlockDownload = false)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("bitmern-ltc-").FullName;
        var start = new ProcessStartInfo(DaemonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-regtest", "-server", "-listen", "-txindex", "-printtoconsole=0", "-dnsseed=0", "-discover=0", "-upnp=0",
            $"-datadir={dataDirectory}",
            $"-rpcport={rpcPort}", $"-port={p2pPort}", "-bind=127.0.0.1", "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1",
            $"-connect=127.0.0.1:{peerP2pPort}", "-fallbackfee=0.0001",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (!initialBlockDownload)
        {
            // A fresh regtest chain's tip (genesis) is old, which would keep the node in initial block download and
            // getblocktemplate refusing; a huge max tip age makes it ready at once.
            start.ArgumentList.Add("-maxtipage=2000000000");
        }

        if (!cookieAuth)
        {
            start.ArgumentList.Add($"-rpcuser={RpcUser}");
            start.ArgumentList.Add($"-rpcpassword={RpcPassword}");
        }

        if (!wallet)
        {
            start.ArgumentList.Add("-disablewallet");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("litecoind did not start.");
        return new LitecoindNode(process, dataDirectory, rpcPort, p2pPort, cookieAuth);
    }

    public async Task WaitForRpcAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Rpc.GetBlockchainInfoAsync(cancellationToken);
                return;
            }
            catch (DaemonRpcException) when (attempt < 300 && !_process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public Task<JsonElement> CallAsync(string method, params JsonNode?[] parameters) => Rpc.CallAsync(method, parameters);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    await Rpc.CallAsync("stop", [], TimeSpan.FromSeconds(5));
                }
                catch (DaemonRpcException)
                {
                    // Already stopping or unreachable: fall through to the wait and kill.
                }

                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _process.Dispose();
            _http.Dispose();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: temp directories are cleaned by the OS eventually.
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"litecoind rpc {RpcPort} p2p {P2pPort}");
}
