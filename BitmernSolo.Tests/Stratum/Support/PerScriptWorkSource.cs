using System.Collections.Concurrent;
using System.Text;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;

namespace BitmernSolo.Tests.Stratum.Support;

/// <summary>A solo work source: every payout script gets its own job (its coinbase would pay that script).</summary>
public sealed class PerScriptWorkSource : IWorkSource, IPayoutJobSource
{
    private readonly ConcurrentDictionary<string, TestMiningJob> _current = new();
    private readonly ConcurrentDictionary<(string Script, string Id), TestMiningJob> _history = new();
    private readonly Hash256 _previous = Hash256.Compute([42]);
    private int _round;

    public event Action<IMiningJob, bool>? JobPublished;

    public IMiningJob? CurrentJob => null; // only per script

    public IMiningJob? FindJob(string jobId) => null;

    public IMiningJob? CurrentJobFor(ReadOnlyMemory<byte> payoutScript) => _current.GetOrAdd(Key(payoutScript), script => Create(script));

    public IMiningJob? FindJob(ReadOnlyMemory<byte> payoutScript, string jobId) =>
        _history.TryGetValue((Key(payoutScript), jobId), out var job) ? job : null;

    /// <summary>A new round of jobs: one per script seen, then one announcement.</summary>
    public void PublishRound(bool clean)
    {
        Interlocked.Increment(ref _round);
        foreach (var script in _current.Keys)
        {
            _current[script] = Create(script);
        }

        JobPublished?.Invoke(_current.Values.First(), clean);
    }

    public Task<BlockSubmissionResult> SubmitBlockAsync(IMiningJob job, string blockHex, CancellationToken cancellationToken) =>
        Task.FromResult(new BlockSubmissionResult(true, null, ["null"]));

    private TestMiningJob Create(string script)
    {
        var id = $"{script[^2..]}{_round:x}";
        var job = new TestMiningJob(id, 100, _previous, 0x1d00ffff, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _history[(script, id)] = job;
        return job;
    }

    private static string Key(ReadOnlyMemory<byte> script) => Encoding.UTF8.GetString(script.Span);
}
