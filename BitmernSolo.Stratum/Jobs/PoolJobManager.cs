using System.Globalization;
using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// One pool's work: fetches templates from the first daemon that answers, publishes a job per template (clean when
/// the previous block changed), builds each miner's own job on demand (solo: the coinbase pays the finder), keeps a
/// bounded history for late shares and submits found blocks to every daemon. Daemon failures never throw out of it:
/// they become <see cref="NoWorkReason"/> and rejected submissions.
/// </summary>
public sealed partial class PoolJobManager : IWorkSource, IPayoutJobSource, INewBlockSink, IDisposable
{
    private readonly IReadOnlyList<DaemonRpcClient> _daemons;
    private readonly IDaemonAvailability? _availability;
    private readonly PoolJobOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _historyGate = new();
    private volatile TemplateWork? _current;

    /// <summary>
    /// The templates whose jobs still take shares, newest first (at most <see cref="PoolJobOptions.TemplateHistory"/>; one
    /// block only). Replaced, never changed, under <see cref="_historyGate"/>; read without a lock. A late share's job is
    /// found by its template's table, keyed by payout script: there is no table of every job by id, which cost 10,000
    /// inserts per new block while the notifies went out and 10,000 removals before the next block's first one (4–5 ms).
    /// </summary>
    private volatile TemplateWork[] _history = [];
    private volatile string? _noWorkReason = "No template fetched yet.";
    private long _nextJobId;
    private long _nextSequence;
    private DateTimeOffset _lastPublished;

    /// <param name="availability">
    /// Which daemons may give work, best first (a <see cref="DaemonHealthMonitor"/>: wrong chain, syncing or down daemons
    /// give none); null uses every daemon in order.
    /// </param>
    public PoolJobManager(IReadOnlyList<DaemonRpcClient> daemons, PoolJobOptions options, TimeProvider clock, IDaemonAvailability? availability = null)
    {
        ArgumentNullException.ThrowIfNull(daemons);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (daemons.Count == 0)
        {
            throw new ArgumentException("A pool needs at least one daemon.", nameof(daemons));
        }

        _daemons = daemons;
        _options = options;
        _clock = clock;
        _availability = availability;
    }

    public event Action<IMiningJob, bool>? JobPublished;

    /// <summary>How soon the long poll starts again without a template or after a failure (never longer than the poll).</summary>
    private TimeSpan LongPollRetryDelay => _options.PollInterval < TimeSpan.FromSeconds(1) ? _options.PollInterval : TimeSpan.FromSeconds(1);

    /// <summary>The default-script job of the newest template; null while no daemon gives work.</summary>
    public IMiningJob? CurrentJob => _noWorkReason is null && _current is { } work ? JobFor(work, _options.DefaultPayoutScript.Memory) : null;

    /// <summary>Why there is no work right now (daemons unreachable, bad template), or null when there is.</summary>
    public string? NoWorkReason => _noWorkReason;

    /// <summary>The newest validated template, even while work is suspended.</summary>
    public BlockTemplate? CurrentTemplate => _current?.Template;

    /// <summary>
    /// The current work paying <paramref name="payoutScript"/> (solo: each miner's coinbase pays their own script), built
    /// on first request per template and cached; the Merkle branch is shared, only the coinbase differs. Null while no
    /// daemon gives work. On <see cref="JobPublished"/> each session asks again for its own script.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IMiningJob? CurrentJobFor(ReadOnlyMemory<byte> payoutScript) =>
        _noWorkReason is null && _current is { } work ? JobFor(work, payoutScript) : null;

    /// <summary>Convenience for <see cref="CurrentJobFor"/> with a parsed address.</summary>
    public IMiningJob? GetJobFor(PayoutScript payoutScript)
    {
        ArgumentNullException.ThrowIfNull(payoutScript);
        return CurrentJobFor(payoutScript.Memory);
    }

    /// <summary>
    /// A job of the bounded history by id alone: a scan of every job (sessions, which know their payout script, use the
    /// other overload).
    /// </summary>
    public IMiningJob? FindJob(string jobId)
    {
        if (jobId is null)
        {
            return null;
        }

        foreach (var work in _history)
        {
            if (work.Find(jobId) is { } job)
            {
                return job;
            }
        }

        return null;
    }

    /// <summary>
    /// A job of the bounded history that pays <paramref name="payoutScript"/>: a session can only submit on its own work.
    /// One table lookup per template kept, newest first.
    /// </summary>
    public IMiningJob? FindJob(ReadOnlyMemory<byte> payoutScript, string jobId)
    {
        if (jobId is null)
        {
            return null;
        }

        foreach (var work in _history)
        {
            if (work.TryGet(payoutScript, out var job) && string.Equals(job.Id, jobId, StringComparison.Ordinal))
            {
                return job;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs until cancelled: polls the best block hash every <see cref="PoolJobOptions.PollInterval"/> (new block →
    /// new template, clean), republishes every <see cref="PoolJobOptions.RefreshInterval"/> (not clean), and long-polls
    /// when the daemon offers it. Returns only on cancellation.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var longPoll = _options.UseLongPolling ? LongPollLoopAsync(cancellationToken) : Task.CompletedTask;
        try
        {
            await PollLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }

        await longPoll.ConfigureAwait(false);
    }

    private async Task PollLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var work = _current;
            var due = work is null || _noWorkReason is not null || _clock.GetUtcNow() - _lastPublished >= _options.RefreshInterval;
            if (!due && work is not null)
            {
                due = await PreviousBlockChangedAsync(work.Template.PreviousBlockHash, cancellationToken).ConfigureAwait(false);
                if (due)
                {
                    SawTip(null, "poll");
                }
            }

            if (due)
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(_options.PollInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fetches a template now (after a found block, a block notification, or on schedule) and publishes it. Returns
    /// true when a job was published; false with <see cref="NoWorkReason"/> set when no daemon gave a usable template.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var template = await FetchTemplateAsync(null, null, cancellationToken).ConfigureAwait(false);
        return template is not null && Publish(template);
    }

    /// <summary>Publishes a template (also used by tests and notification paths that already hold one).</summary>
    public bool Publish(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        TemplateWork work;
        bool clean;
        lock (_historyGate)
        {
            var previous = _current;
            clean = previous is null || previous.Template.PreviousBlockHash != template.PreviousBlockHash;
            work = new TemplateWork(template, Interlocked.Increment(ref _nextSequence), previous?.JobCount ?? 0);

            // A new block makes every older job stale (shares on them could only build orphans), even when its own template
            // turns out unusable. Dropping a template drops its jobs with it: nothing else refers to them.
            TemplateWork[] kept = clean ? [] : _history[..Math.Min(_history.Length, Math.Max(1, _options.TemplateHistory) - 1)];
            MiningJob job;
            try
            {
                job = JobFor(work, _options.DefaultPayoutScript.Memory);
            }
            catch (JobException e)
            {
                _history = kept;
                _noWorkReason = $"Cannot build a job from the template at height {template.Height.ToString(CultureInfo.InvariantCulture)}: {e.Message}";
                return false;
            }

            _history = [work, .. kept];
            _current = work;
            _noWorkReason = null;
            _lastPublished = _clock.GetUtcNow();
            if (clean)
            {
                LastTip = TipFor(template.PreviousBlockHash);
            }

            RaiseJobPublished(job, clean);
        }

        return true;
    }

    /// <summary>
    /// Sends the block to every daemon at once; accepted when at least one daemon says so (submitblock → null).
    /// New work is fetched right after, in the background. Never throws for a daemon's error or rejection.
    /// </summary>
    public async Task<BlockSubmissionResult> SubmitBlockAsync(IMiningJob job, string blockHex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrEmpty(blockHex);
        var result = await BlockSubmitter.SubmitToAllAsync(_daemons, blockHex, cancellationToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            SawTip(null, "found"); // our own block is the new tip: its fan-out is timed from here
        }

        _ = RefreshAfterBlockAsync();
        return result;
    }

    public void Dispose() => _refreshGate.Dispose();

    /// <summary>The last exception a <see cref="JobPublished"/> handler threw (isolated: other handlers and the poll loop go on).</summary>
    public Exception? LastHandlerError { get; private set; }

    private void RaiseJobPublished(MiningJob job, bool clean)
    {
        if (JobPublished is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<IMiningJob, bool>)handler)(job, clean);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop work for every miner of the pool.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LastHandlerError = e;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MiningJob JobFor(TemplateWork work, ReadOnlyMemory<byte> script) => work.GetOrBuild(script, _buildJob ??= BuildJob);

    /// <summary>Cached: JobFor runs once per connection on every new block, and a lambda capturing the work allocated each time.</summary>
    private Func<TemplateWork, ReadOnlyMemory<byte>, MiningJob>? _buildJob;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MiningJob BuildJob(TemplateWork work, ReadOnlyMemory<byte> script)
    {
        var id = Interlocked.Increment(ref _nextJobId).ToString("x", CultureInfo.InvariantCulture);
        var request = new JobRequest(work.Template, _options.Coin, script, _options.FeeScript?.Memory, _options.FeePercent, _options.CoinbaseTag, _options.Extranonce1Size, _options.Extranonce2Size, id);
        return JobBuilder.Build(request, work.MerkleBranch, _clock);
    }

    private async Task RefreshAfterBlockAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<BlockTemplate?> FetchTemplateAsync(string? longPollId, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var selection = await SelectDaemonsAsync(cancellationToken).ConfigureAwait(false);
            if (selection.Daemons.Count == 0)
            {
                _noWorkReason = "No daemon can give work: " + selection.Reason;
                return null;
            }

            var errors = new List<string>();
            foreach (var daemon in selection.Daemons)
            {
                try
                {
                    return await daemon.GetBlockTemplateAsync(_options.TemplateRules, longPollId, _options.TemplateAlgorithm, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is DaemonRpcException or BlockTemplateException)
                {
                    errors.Add($"{daemon.Endpoint}: {e.Message}");
                }
            }

            _noWorkReason = "No daemon gave a usable block template: " + string.Join("; ", errors);
            return null;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<bool> PreviousBlockChangedAsync(Hash256 previous, CancellationToken cancellationToken)
    {
        try
        {
            var selection = await SelectDaemonsAsync(cancellationToken).ConfigureAwait(false);
            return selection.Daemons.Count == 0
                || await selection.Daemons[0].GetBestBlockHashAsync(cancellationToken).ConfigureAwait(false) != previous;
        }
        catch (DaemonRpcException)
        {
            return true; // let the template fetch decide (and report) what is wrong
        }
    }

    private async Task LongPollLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_current?.Template.LongPollId is not { } longPollId || _noWorkReason is not null)
                {
                    await Task.Delay(LongPollRetryDelay, _clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Long polls bypass the refresh gate's ordering: they wait on the daemon, not on us.
                var selection = await SelectDaemonsAsync(cancellationToken).ConfigureAwait(false);
                if (selection.Daemons.Count == 0)
                {
                    await Task.Delay(LongPollRetryDelay, _clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var template = await selection.Daemons[0].GetBlockTemplateAsync(_options.TemplateRules, longPollId, _options.TemplateAlgorithm, _options.LongPollTimeout, cancellationToken).ConfigureAwait(false);
                PublishIfNew(template, "longpoll");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is DaemonRpcException or BlockTemplateException)
            {
                // The poll loop notices and reports an unhealthy daemon; just avoid a hot loop here.
                try
                {
                    await Task.Delay(LongPollRetryDelay, _clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
