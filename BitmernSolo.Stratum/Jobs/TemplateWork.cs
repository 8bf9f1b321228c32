using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// One template and the jobs built from it, one per payout script: they share the template and the Merkle branch,
/// only their coinbases differ, so a new miner's job costs one coinbase serialization.
/// </summary>
internal sealed class TemplateWork
{
    private readonly Dictionary<string, MiningJob> _jobs = new(StringComparer.Ordinal); // by script hex
    private readonly Lock _gate = new();

    public TemplateWork(BlockTemplate template, long sequence)
    {
        Template = template;
        Sequence = sequence;
        MerkleBranch = Merkle.ComputeBranch(JobBuilder.TxIds(template));
    }

    public BlockTemplate Template { get; }

    public long Sequence { get; }

    public Hash256[] MerkleBranch { get; }

    public MiningJob GetOrBuild(ReadOnlyMemory<byte> script, Func<ReadOnlyMemory<byte>, MiningJob> build)
    {
        var key = Convert.ToHexStringLower(script.Span);
        lock (_gate)
        {
            if (!_jobs.TryGetValue(key, out var job))
            {
                job = build(script.ToArray()); // our own copy: the caller's buffer may change
                _jobs.Add(key, job);
            }

            return job;
        }
    }

    public MiningJob[] Jobs()
    {
        lock (_gate)
        {
            return [.. _jobs.Values];
        }
    }
}
