using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Stratum.Server;

/// <summary>Work and difficulty: the first set_difficulty and notify, new jobs from the pool, VarDiff changes.</summary>
internal sealed partial class StratumSession
{
    /// <summary>
    /// Called by the pool for each published job; sends this session's job if it changed. A new tip's <paramref name="fanOut"/>
    /// rides along with the notify and is released once the notify has been flushed to the transport.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnNewWork(bool cleanJobs, FanOutCountdown? fanOut = null)
    {
        lock (_lock)
        {
            if (!_workStarted || _closing)
            {
                return;
            }

            var job = _pool.CurrentJobFor(_payoutScript);
            if (job is null || ReferenceEquals(job, _lastJob))
            {
                return;
            }

            if (cleanJobs)
            {
                _duplicates?.Clear();
            }

            _lastJob = job;
            fanOut?.Add();
            var batching = _batching;
            _batching = false; // not the read loop's reply: flushed now (with whatever the read loop has written so far)
            SendNotify(job, cleanJobs, fanOut);
            _batching = batching;
            StartGracePeriod();
        }
    }

    /// <summary>set_difficulty and the session's job, once subscribed and authorized (the job depends on the payout script).</summary>
    private void StartWorkIfReady()
    {
        if (_workStarted || !_subscribed || _authorized.Count == 0)
        {
            return;
        }

        _workStarted = true;
        Send(Writer.SetDifficulty(_difficulty));
        var job = _pool.CurrentJobFor(_payoutScript);
        if (job is not null)
        {
            _lastJob = job;
            SendNotify(job, clean: true);
        }
    }

    /// <summary>After a notify: a difficulty change before it is now in force for sure once the grace period ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartGracePeriod()
    {
        if (_previousValidUntil == DateTimeOffset.MaxValue)
        {
            _previousValidUntil = _pool.Time.GetUtcNow() + _options.RetargetGracePeriod;
        }
    }

    /// <summary>Applies VarDiff's current difficulty: new share target, previous kept for the grace period, announced and remembered.</summary>
    private void SyncDifficulty(DateTimeOffset now)
    {
        var next = _varDiff.Current;
        if (next.Equals(_difficulty))
        {
            return;
        }

        _previousDifficulty = _difficulty;
        _previousTarget = _shareTarget;
        // Firmware differs on when a new difficulty applies (at once, or with the next job): the previous one stays valid
        // until the next notify has been sent, plus the grace period (StartGracePeriod).
        _previousValidUntil = _workStarted ? DateTimeOffset.MaxValue : now;
        _difficulty = next;
        _shareTarget = Target.FromDifficulty(next, _pool.Settings.ShareMultiplier);
        if (_workStarted)
        {
            Send(Writer.SetDifficulty(next));
        }

        if (_stats is not null)
        {
            _pool.Difficulties.Remember(_stats.Key, next);
        }
    }
}
