namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Remembers a session's shares per job to refuse resubmissions (error 22). The key is everything that changes the header
/// for a given job and extranonce1: extranonce2, ntime, nonce and the version bits. Bounded: a few recent jobs, a cap per job;
/// a clean job (new block) forgets everything, since shares of older jobs are stale anyway.
/// </summary>
internal sealed class DuplicateShareTracker(int maxSharesPerJob)
{
    private const int MaxJobs = 8;
    private readonly Queue<string> _jobOrder = new();
    private readonly Dictionary<string, HashSet<ShareKey>> _byJob = new(StringComparer.Ordinal);

    public enum Outcome
    {
        New,
        Duplicate,
        Full,
    }

    public Outcome TryAdd(string jobId, in ShareKey key)
    {
        if (!_byJob.TryGetValue(jobId, out var shares))
        {
            if (_jobOrder.Count >= MaxJobs)
            {
                _byJob.Remove(_jobOrder.Dequeue());
            }

            shares = [];
            _byJob[jobId] = shares;
            _jobOrder.Enqueue(jobId);
        }

        if (shares.Count >= maxSharesPerJob)
        {
            return shares.Contains(key) ? Outcome.Duplicate : Outcome.Full;
        }

        return shares.Add(key) ? Outcome.New : Outcome.Duplicate;
    }

    public void Clear()
    {
        _byJob.Clear();
        _jobOrder.Clear();
    }
}

/// <summary>A share's identity within one job of one session.</summary>
internal readonly record struct ShareKey(ulong Extranonce2, uint NTime, uint Nonce, uint VersionBits);
