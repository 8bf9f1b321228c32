using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Optional companion of <see cref="IWorkSource"/> for solo pools whose coinbase pays each miner's own script: the server
/// asks for the job of the session's payout script. A work source without it serves its <see cref="IWorkSource.CurrentJob"/>
/// to everyone. Job ids must stay unique within the pool so <see cref="FindJob"/> can check a share against its own job.
/// </summary>
public interface IPayoutJobSource
{
    /// <summary>The newest job paying <paramref name="payoutScript"/>, or null while there is no work.</summary>
    IMiningJob? CurrentJobFor(ReadOnlyMemory<byte> payoutScript);

    /// <summary>A job of the bounded history paying <paramref name="payoutScript"/>, or null when unknown or stale.</summary>
    IMiningJob? FindJob(ReadOnlyMemory<byte> payoutScript, string jobId);
}
