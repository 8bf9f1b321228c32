using System.Collections.Concurrent;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Tests.Stratum.Support;

/// <summary>
/// An in-memory work source: publish jobs by hand, record submitted blocks. Set <see cref="LastTip"/> to make a clean job a
/// measured new-tip broadcast.
/// </summary>
public sealed class TestWorkSource : IWorkSource, INewBlockSink
{
    private readonly ConcurrentDictionary<string, IMiningJob> _history = new();
    private int _next;

    public event Action<IMiningJob, bool>? JobPublished;

    public IMiningJob? CurrentJob { get; private set; }

    public ConcurrentQueue<(IMiningJob Job, string BlockHex)> SubmittedBlocks { get; } = new();

    public bool AcceptBlocks { get; set; } = true;

    public TipSighting? LastTip { get; set; }

    public Task<bool> NotifyNewBlockAsync(Hash256? blockHash, string source, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Easy network target by default so tests decide when a share is a block.</summary>
    public TestMiningJob Publish(bool clean, uint bits = 0x1d00ffff, PowAlgorithm algorithm = PowAlgorithm.Sha256D, int coinbasePadding = 0,
        Hash256? previous = null, long height = 100)
    {
        var id = Interlocked.Increment(ref _next).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var prev = previous ?? (clean || CurrentJob is null ? Hash256.Compute([(byte)_next, 7]) : CurrentJob.PreviousBlockHash);
        var job = new TestMiningJob(id, height, prev, bits, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), algorithm,
            coinbasePadding: coinbasePadding);
        _history[id] = job;
        CurrentJob = job;
        JobPublished?.Invoke(job, clean);
        return job;
    }

    public IMiningJob? FindJob(string jobId) => _history.TryGetValue(jobId, out var job) ? job : null;

    public Task<BlockSubmissionResult> SubmitBlockAsync(IMiningJob job, string blockHex, CancellationToken cancellationToken)
    {
        SubmittedBlocks.Enqueue((job, blockHex));
        return Task.FromResult(AcceptBlocks
            ? new BlockSubmissionResult(true, null, ["null"])
            : new BlockSubmissionResult(false, "high-hash", ["high-hash"]));
    }
}
