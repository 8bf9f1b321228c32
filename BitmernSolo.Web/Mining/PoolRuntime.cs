using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Web.Mining;

/// <summary>One enabled pool at run time: its coin network, its job manager (the stratum's work source) and its state.</summary>
public sealed class PoolRuntime : IDisposable
{
    public PoolRuntime(string poolId, CoinNetwork network, PoolJobManager jobs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(time);
        PoolId = poolId;
        Network = network;
        Jobs = jobs;
        State = new PoolRuntimeState(poolId, () => jobs.NoWorkReason);
        jobs.JobPublished += (job, _) => State.OnTemplate(job.Height, time.GetUtcNow());
    }

    public string PoolId { get; }

    public CoinNetwork Network { get; }

    public PoolJobManager Jobs { get; }

    public PoolRuntimeState State { get; }

    public void Dispose() => Jobs.Dispose();
}
