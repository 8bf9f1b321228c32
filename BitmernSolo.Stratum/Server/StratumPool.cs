using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// The stratum side of one pool: its live sessions (all ports), extranonce1 allocation, new-work broadcast, block submission
/// and the events the Web records. Host-agnostic: any transport that yields an <see cref="IDuplexPipe"/> (Kestrel's
/// <c>ConnectionContext.Transport</c>, an in-memory pipe in tests) runs a session with <see cref="RunSessionAsync"/>.
/// </summary>
public sealed class StratumPool : IDisposable
{
    private readonly ConcurrentDictionary<uint, StratumSession> _sessions = new();
    private readonly ExtranonceAllocator _extranonces;
    private readonly IWorkSource _work;
    private readonly IPayoutJobSource? _payoutJobs;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _sweep;
    private readonly ITimer _sendTimeoutSweep;

    public StratumPool(
        StratumPoolSettings settings,
        IWorkSource work,
        IPayoutAddressValidator addressValidator,
        StratumServerOptions options,
        ConnectionGate gate,
        ShareAggregator shares,
        IWorkerDifficultyStore difficulties,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Extranonce2Size is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Extranonce2Size must be 1 to 8 bytes.");
        }

        Settings = settings;
        _work = work;
        _payoutJobs = work as IPayoutJobSource;
        AddressValidator = addressValidator ?? throw new ArgumentNullException(nameof(addressValidator));
        Options = options;
        Gate = gate ?? throw new ArgumentNullException(nameof(gate));
        Shares = shares ?? throw new ArgumentNullException(nameof(shares));
        Difficulties = difficulties ?? throw new ArgumentNullException(nameof(difficulties));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        _extranonces = new ExtranonceAllocator(options.InstancePrefix, (uint)Random.Shared.Next(0, 1 << 24));
        // Two pool-wide timers instead of a timer (and a send-timeout CancellationTokenSource) per connection: at 10,000
        // connections that was 10,000 timers in the runtime's queues and a timer reset per flush.
        _sweep = Time.CreateTimer(static p => ((StratumPool)p!).ForEachSession(static s => s.Sweep()), this, options.SweepInterval, options.SweepInterval);
        var sendCheck = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, options.SendTimeout.Ticks / 4));
        _sendTimeoutSweep = Time.CreateTimer(static p => ((StratumPool)p!).ForEachSession(static s => s.CheckSendTimeout()), this, sendCheck, sendCheck);
        _work.JobPublished += OnJobPublished;
    }

    /// <summary>
    /// Raised after a block was submitted (accepted or not), on the finder's session task: handlers hand the record to a
    /// background writer rather than writing the database inline.
    /// </summary>
    public event Action<FoundBlock>? BlockFound;

    /// <summary>Raised when a <see cref="BlockFound"/> handler throws (the other handlers still ran): the host logs it.</summary>
    public event Action<FoundBlock, Exception>? BlockFoundHandlerFailed;

    /// <summary>
    /// Raised when a connection authorizes its first worker (worker, remote address, user agent), under the session's lock:
    /// handlers only record or enqueue.
    /// </summary>
    public event Action<WorkerKey, IPAddress?, string?>? WorkerConnected;

    /// <summary>Raised when an authorized connection closes.</summary>
    public event Action<WorkerKey>? WorkerDisconnected;

    /// <summary>
    /// Raised once a new tip's clean notify has been written to every session's transport (a session that closes first counts
    /// as done), with the time since the tip was first seen (work sources that are <see cref="INewBlockSink"/>s only). Raised on
    /// the thread that flushed the last session's notify (often the publishing thread itself): handlers only record.
    /// </summary>
    public event Action<FanOutSample>? NewTipBroadcast;

    public StratumPoolSettings Settings { get; }

    public int SessionCount => _sessions.Count;

    internal IPayoutAddressValidator AddressValidator { get; }

    internal StratumServerOptions Options { get; }

    internal ConnectionGate Gate { get; }

    internal ShareAggregator Shares { get; }

    internal IWorkerDifficultyStore Difficulties { get; }

    internal TimeProvider Time { get; }

    /// <summary>
    /// Runs one connection until it closes: admission (per-IP cap, bans), then the stratum session. Completes the transport.
    /// </summary>
    public Task RunSessionAsync(IDuplexPipe transport, EndPoint? remoteEndPoint, VarDiffOptions varDiff, CancellationToken cancellationToken) =>
        RunSessionAsync(transport, remoteEndPoint, localPort: null, varDiff, cancellationToken);

    /// <inheritdoc cref="RunSessionAsync(IDuplexPipe, EndPoint?, VarDiffOptions, CancellationToken)"/>
    /// <param name="localPort">The pool port the connection arrived on, shown in <see cref="SessionInfo.LocalPort"/>.</param>
    public async Task RunSessionAsync(
        IDuplexPipe transport, EndPoint? remoteEndPoint, int? localPort, VarDiffOptions varDiff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(varDiff);
        var address = (remoteEndPoint as IPEndPoint)?.Address;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        using var lease = Gate.TryEnter(address, out var admitted) ? admitted : null;
        if (lease is null || _stopping.IsCancellationRequested || !_extranonces.TryAllocate(out var extranonce1))
        {
            await transport.Input.CompleteAsync().ConfigureAwait(false);
            await transport.Output.CompleteAsync().ConfigureAwait(false);
            return;
        }

        using var session = new StratumSession(this, transport, address, localPort, extranonce1, varDiff);
        _sessions[extranonce1] = session;
        try
        {
            using var registration = cancellationToken.Register(static s => ((StratumSession)s!).Abort(), session);
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(extranonce1, out _);
            _extranonces.Release(extranonce1);
            if (session.Worker is { } worker)
            {
                WorkerDisconnected?.Invoke(worker.Key);
            }
        }
    }

    /// <summary>
    /// Graceful shutdown: every session gets <c>client.reconnect</c> and is closed once its queue is written (bounded by the
    /// send timeout); new connections are refused.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan wait)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var session in _sessions.Values)
        {
            session.ReconnectAndClose();
        }

        var deadline = Time.GetUtcNow() + wait;
        while (!_sessions.IsEmpty && Time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), Time).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _work.JobPublished -= OnJobPublished;
        _sweep.Dispose();
        _sendTimeoutSweep.Dispose();
        _stopping.Dispose();
    }

    private void ForEachSession(Action<StratumSession> action)
    {
        // Enumerating the dictionary itself takes no lock and copies nothing (Values locks every bucket and copies them all).
        foreach (var (_, session) in _sessions)
        {
            action(session);
        }
    }

    /// <summary>A snapshot of the live connections.</summary>
    public IReadOnlyList<SessionInfo> GetSessions() => [.. _sessions.Values.Select(static s => s.Describe())];

    /// <summary>Drops the session with <paramref name="extranonce1"/> (hex, as in <see cref="SessionInfo"/>); false when it is gone.</summary>
    public bool Disconnect(string extranonce1)
    {
        var session = _sessions.Values.FirstOrDefault(s => string.Equals(s.Describe().Extranonce1, extranonce1, StringComparison.OrdinalIgnoreCase));
        session?.Abort();
        return session is not null;
    }

    internal void OnWorkerConnected(WorkerKey worker, IPAddress? remoteAddress, string? userAgent) =>
        WorkerConnected?.Invoke(worker, remoteAddress, userAgent);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal IMiningJob? CurrentJobFor(ReadOnlyMemory<byte> script) =>
        _payoutJobs is null ? _work.CurrentJob : _payoutJobs.CurrentJobFor(script);

    internal IMiningJob? FindJob(ReadOnlyMemory<byte> script, string jobId) =>
        _payoutJobs is null ? _work.FindJob(jobId) : _payoutJobs.FindJob(script, jobId);

    internal async Task SubmitBlockAsync(IMiningJob job, string blockHex, Crypto.Hash256 blockHash, Crypto.Hash256? coinbaseTxid, string address, string worker, double shareDifficulty)
    {
        var result = await _work.SubmitBlockAsync(job, blockHex, CancellationToken.None).ConfigureAwait(false);
        var foundAt = Time.GetUtcNow();
        if (result.Accepted)
        {
            // The block's time, as recorded: other regions reset to it when they read the block (see ShareStatsFlusher).
            Shares.ResetBestSinceBlock(Settings.PoolId, foundAt);
        }

        RaiseBlockFound(new FoundBlock(Settings.PoolId, job.Height, blockHash, address, worker, shareDifficulty, foundAt,
            result.Accepted, result.RejectReason, result.DaemonAnswers)
        {
            MinerRewardSatoshis = (job as MiningJob)?.MinerRewardSatoshis ?? 0,
            CoinbaseTxid = coinbaseTxid,
            NetworkDifficulty = job.NetworkTarget.ToDifficulty(),
        });
    }

    /// <summary>
    /// Every handler hears of the block even if one before it throws (the recorder must never be skipped), and no handler's
    /// exception reaches the finder's session, which would close the connection of the miner who just found a block.
    /// </summary>
    private void RaiseBlockFound(FoundBlock block)
    {
        if (BlockFound is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<FoundBlock>)handler)(block);
            }
#pragma warning disable CA1031 // a subscriber's failure is reported, never allowed to cost the block its other subscribers
            catch (Exception e)
#pragma warning restore CA1031
            {
                try
                {
                    BlockFoundHandlerFailed?.Invoke(block, e);
                }
#pragma warning disable CA1031
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Nothing further to report to.
                }
            }
        }
    }

    /// <remarks>
    /// This loop and what it calls per session (the session's <c>OnNewWork</c>, <c>SendNotify</c>, write and flush; the job
    /// lookup and build; the notify writer) are marked <see cref="MethodImplOptions.AggressiveOptimization"/>: they run
    /// 10,000 times per block with 10,000 miners, so tier-0 code, instrumented code and on-stack replacement only slowed the
    /// first blocks after a start (BENCHMARKS.md, seventh pass).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnJobPublished(IMiningJob job, bool cleanJobs)
    {
        var countdown = cleanJobs && NewTipBroadcast is { } handler && _work is INewBlockSink { LastTip: { } tip } && tip.BlockHash == job.PreviousBlockHash
            ? new FanOutCountdown(handler, Settings.PoolId, job.Height, tip)
            : null;
        using (FanOutCollectionPause.Begin(cleanJobs ? _sessions.Count : 0))
        {
            foreach (var (_, session) in _sessions)
            {
                session.OnNewWork(cleanJobs, countdown);
            }
        }

        countdown?.Release();
    }
}
