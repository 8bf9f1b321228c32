using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BitmernSolo.Bench.Load;

/// <summary>
/// One simulated BitAxe: the handshake (configure, subscribe, authorize, suggest_difficulty), then on demand W submits in
/// flight, each answered submit replaced by a new one (closed loop; the replacements of one read go out in one send).
/// Records reply latencies, answers by error code, and when the first notify with a new previous hash arrived: when the kernel
/// put it in the socket (<see cref="KernelReceiveClock"/>, on Linux) and when this client read it.
/// </summary>
internal sealed class StratumLoadClient : IDisposable
{
    private const int FirstSubmitId = 100;
    private const int PendingSlots = 1024;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly long[] _sentAt = new long[PendingSlots];
    private readonly string _user;
    private readonly double _difficulty;
    private readonly bool _plain;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _jobId;
    private volatile string? _ntime;
    private volatile bool _submitting;
    private bool _authorized;
    private long _nextId = FirstSubmitId;
    private uint _counter;
    private int _outstanding;
    private long _answered;

    public StratumLoadClient(string user, double difficulty, bool plain)
    {
        _user = user;
        _difficulty = difficulty;
        _plain = plain;
        KernelTimestamps = KernelReceiveClock.TryEnable(_socket);
    }

    /// <summary>Whether <see cref="NewBlockArrivedAt"/> is recorded (the kernel stamps this socket's received bytes).</summary>
    public bool KernelTimestamps { get; }

    public List<long> LatencyTicks { get; } = [];

    public Dictionary<int, long> AnswersByCode { get; } = []; // 0 = accepted, -1 = false without an error code

    public long Submitted { get; private set; }

    public string? PreviousHash { get; private set; }

    /// <summary>Stopwatch timestamp of the first notify whose prevhash differs from the one before it (reset by <see cref="ExpectNewBlock"/>).</summary>
    public long NewBlockSeenAt { get; private set; }

    /// <summary>The kernel's receive time (<see cref="KernelReceiveClock"/> nanoseconds) of that notify; 0 until then or without <see cref="KernelTimestamps"/>.</summary>
    public long NewBlockArrivedAt { get; private set; }

    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Submits answered so far (safe to read while the client runs).</summary>
    public long Answered => Volatile.Read(ref _answered);

    public bool Closed { get; private set; }

    /// <summary>Connected, authorized and holding a job.</summary>
    public Task Ready => _ready.Task;

    public async Task ConnectAsync(IPEndPoint pool, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(pool, cancellationToken).ConfigureAwait(false);
        _ = ReceiveLoopAsync();
        var configure = _plain ? "" :
            "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],{\"version-rolling.mask\":\"ffffffff\",\"version-rolling.min-bit-count\":16}]}\n";
        var handshake = configure + string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"bitaxe/BM1370/v2.4.0\"]}}\n" +
            $"{{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"{_user}\",\"x\"]}}\n" +
            $"{{\"id\":4,\"method\":\"mining.suggest_difficulty\",\"params\":[{_difficulty}]}}\n");
        await SendAsync(Encoding.ASCII.GetBytes(handshake)).ConfigureAwait(false);
    }

    public void ExpectNewBlock() => (NewBlockSeenAt, NewBlockArrivedAt) = (0, 0);

    /// <summary>Starts the closed loop with <paramref name="inFlight"/> submits outstanding.</summary>
    public Task StartSubmittingAsync(int inFlight)
    {
        _submitting = true;
        return SendSubmitsAsync(inFlight);
    }

    public void StopSubmitting() => _submitting = false;

    public void Dispose()
    {
        Closed = true;
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendSubmitsAsync(int count)
    {
        if (count <= 0 || _jobId is not { } jobId || _ntime is not { } ntime)
        {
            return;
        }

        var text = new StringBuilder(count * 140);
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _nextId);
            var n = Interlocked.Increment(ref _counter);
            _sentAt[id % PendingSlots] = now;
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"{_user}\",\"{jobId}\",\"{n:x8}\",\"{ntime}\",\"{n * 2654435761u:x8}\"{(_plain ? "" : string.Create(CultureInfo.InvariantCulture, $",\"{(n << 13) & 0x1fffe000u:x8}\""))}]}}\n");
        }

        Interlocked.Add(ref _outstanding, count);
        Submitted += count;
        await SendAsync(Encoding.ASCII.GetBytes(text.ToString())).ConfigureAwait(false);
    }

    private async Task SendAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int read;
                long arrivedAt = 0;
                if (KernelTimestamps)
                {
                    // Wait until readable without reading (a zero-byte receive), then read with the kernel's timestamp.
                    await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None).ConfigureAwait(false);
                    read = KernelReceiveClock.Receive(_socket, buffer.AsSpan(filled), out arrivedAt);
                    if (read < 0)
                    {
                        continue;
                    }
                }
                else
                {
                    read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
                }

                if (read == 0)
                {
                    break;
                }

                var now = Stopwatch.GetTimestamp();
                filled += read;
                var answered = 0;
                var start = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
                {
                    answered += Handle(buffer.AsSpan(start, newline - start), now, arrivedAt);
                    start = newline + 1;
                }

                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (_submitting && answered > 0)
                {
                    await SendSubmitsAsync(answered).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        Closed = true;
        _ready.TrySetException(new IOException("The pool closed the connection during the handshake."));
    }

    /// <summary>Returns 1 when the line answered a submit.</summary>
    private int Handle(ReadOnlySpan<byte> line, long now, long arrivedAt)
    {
        if (!StratumReply.TryParse(line, out var reply))
        {
            return 0;
        }

        if (reply.IsNotify)
        {
            if (PreviousHash is not null && reply.PreviousHash != PreviousHash && NewBlockSeenAt == 0)
            {
                NewBlockArrivedAt = arrivedAt;
                NewBlockSeenAt = now;
            }

            (PreviousHash, _jobId, _ntime) = (reply.PreviousHash, reply.JobId, reply.NTime);
            if (_authorized)
            {
                _ready.TrySetResult();
            }

            return 0;
        }

        if (reply.Id == 3)
        {
            _authorized = reply.ResultTrue;
            if (!_authorized)
            {
                _ready.TrySetException(new InvalidOperationException($"authorize refused (error {reply.ErrorCode})"));
            }
            else if (_jobId is not null)
            {
                _ready.TrySetResult();
            }

            return 0;
        }

        if (reply.Id <= FirstSubmitId)
        {
            return 0;
        }

        LatencyTicks.Add(now - _sentAt[reply.Id % PendingSlots]);
        var code = reply.ErrorCode != 0 ? reply.ErrorCode : reply.ResultTrue ? 0 : -1;
        AnswersByCode[code] = AnswersByCode.GetValueOrDefault(code) + 1;
        Interlocked.Decrement(ref _outstanding);
        Interlocked.Increment(ref _answered);
        return 1;
    }
}
