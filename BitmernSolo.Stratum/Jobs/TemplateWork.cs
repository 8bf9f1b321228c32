using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// One template and the jobs built from it, one per payout script: they share the template and the Merkle branch,
/// only their coinbases differ, so a new miner's job costs one coinbase serialization.
/// </summary>
internal sealed class TemplateWork
{
    // By script bytes: a new block asks once per connection, and the lookup must not allocate (it once built a hex key each time).
    private readonly ConcurrentDictionary<ReadOnlyMemory<byte>, MiningJob> _jobs;
    private readonly Lock _gate = new();

    /// <param name="expectedJobs">
    /// How many payout scripts the previous template served: the table starts that large instead of growing (and copying)
    /// a dozen times while a new block's jobs are built for 10,000 miners.
    /// </param>
    public TemplateWork(BlockTemplate template, long sequence, int expectedJobs = 0)
    {
        Template = template;
        Sequence = sequence;
        MerkleBranch = BranchOf(template);
        _jobs = new ConcurrentDictionary<ReadOnlyMemory<byte>, MiningJob>(Environment.ProcessorCount, Math.Max(31, expectedJobs), ScriptComparer.Instance);
    }

    /// <summary>How many jobs (payout scripts) this template has served so far.</summary>
    public int JobCount => _jobs.Count;

    public BlockTemplate Template { get; }

    public long Sequence { get; }

    public Hash256[] MerkleBranch { get; }

    /// <summary>The job paying <paramref name="script"/>, built once (under a lock, so one job id per script); lookups take no lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MiningJob GetOrBuild(ReadOnlyMemory<byte> script, Func<TemplateWork, ReadOnlyMemory<byte>, MiningJob> build)
    {
        if (_jobs.TryGetValue(script, out var job))
        {
            return job;
        }

        lock (_gate)
        {
            if (!_jobs.TryGetValue(script, out job))
            {
                ReadOnlyMemory<byte> own = script.ToArray(); // our own copy: the caller's buffer may change
                job = build(this, own);
                _jobs[own] = job;
            }

            return job;
        }
    }

    /// <summary>The coinbase's Merkle branch; the txids go through a rented array (a large-object-heap allocation per template otherwise).</summary>
    private static Hash256[] BranchOf(BlockTemplate template)
    {
        var transactions = template.Transactions;
        var txIds = ArrayPool<Hash256>.Shared.Rent(transactions.Count);
        try
        {
            for (var i = 0; i < transactions.Count; i++)
            {
                txIds[i] = transactions[i].TxId;
            }

            return Merkle.ComputeBranch(txIds.AsSpan(0, transactions.Count));
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(txIds);
        }
    }

    /// <summary>The job paying <paramref name="script"/>, if one was built; takes no lock.</summary>
    public bool TryGet(ReadOnlyMemory<byte> script, [NotNullWhen(true)] out MiningJob? job) => _jobs.TryGetValue(script, out job);

    /// <summary>The job with <paramref name="jobId"/>: a scan of every job of the template.</summary>
    public MiningJob? Find(string jobId)
    {
        foreach (var (_, job) in _jobs)
        {
            if (string.Equals(job.Id, jobId, StringComparison.Ordinal))
            {
                return job;
            }
        }

        return null;
    }

    /// <summary>Scripts compared by content.</summary>
    private sealed class ScriptComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static readonly ScriptComparer Instance = new();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }
}
