using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;

namespace BitmernSolo.Tests.Stratum.Support;

public enum Transport
{
    Memory,
    Tcp,
}

/// <summary>
/// A pool over a <see cref="TestWorkSource"/>, reachable through in-memory duplex pipes or a loopback TCP listener that adapts
/// each accepted socket to an <see cref="IDuplexPipe"/> (the same thing Kestrel hands a connection handler).
/// </summary>
public sealed class StratumTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private TcpListener? _listener;
    private int _nextPort = 40000;

    public StratumTestServer(StratumServerOptions? options = null, VarDiffOptions? varDiff = null, double shareMultiplier = 1,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        Options = options ?? new StratumServerOptions();
        VarDiff = varDiff ?? new VarDiffOptions { StartDifficulty = 1e-6, MinDifficulty = 1e-9, MaxDifficulty = 1e6 };
        Gate = new ConnectionGate(Options, time);
        Pool = new StratumPool(new StratumPoolSettings("ltc", shareMultiplier), Work, new TestAddressValidator(), Options, Gate, Shares,
            Difficulties, time);
        Pool.BlockFound += Blocks.Add;
    }

    public TestWorkSource Work { get; } = new();

    public StratumServerOptions Options { get; }

    public VarDiffOptions VarDiff { get; }

    public ConnectionGate Gate { get; }

    public ShareAggregator Shares { get; } = new();

    public InMemoryWorkerDifficultyStore Difficulties { get; } = new();

    public StratumPool Pool { get; }

    public List<FoundBlock> Blocks { get; } = [];

    public async Task<StratumTestClient> ConnectAsync(Transport transport, IPAddress? from = null, PipeOptions? clientReads = null,
        int? localPort = null)
    {
        if (transport == Transport.Memory)
        {
            var toServer = new Pipe();
            var toClient = new Pipe(clientReads ?? PipeOptions.Default);
            var serverSide = new DuplexPipe(toServer.Reader, toClient.Writer);
            var remote = new IPEndPoint(from ?? IPAddress.Loopback, Interlocked.Increment(ref _nextPort));
            lock (_sessions)
            {
                _sessions.Add(Task.Run(() => Pool.RunSessionAsync(serverSide, remote, localPort, VarDiff, _stop.Token)));
            }

            return new StratumTestClient(toClient.Reader, toServer.Writer);
        }

        StartListener();
        var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener!.LocalEndpoint).Port);
        var stream = client.GetStream();
        return new StratumTestClient(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)), new SocketOwner(client));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
        Pool.Dispose();
        _stop.Dispose();
    }

    private void StartListener()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        lock (_sessions)
        {
            _sessions.Add(Task.Run(AcceptLoopAsync));
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var stream = new NetworkStream(socket, ownsSocket: true);
            var pipe = new DuplexPipe(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
                PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
            lock (_sessions)
            {
                _sessions.Add(Task.Run(async () =>
                {
                    await Pool.RunSessionAsync(pipe, socket.RemoteEndPoint, (socket.LocalEndPoint as IPEndPoint)?.Port, VarDiff, _stop.Token);
                    await stream.DisposeAsync();
                }));
            }
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private sealed class SocketOwner(TcpClient client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
