namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// The stratum server's view of one pool's work: the current job, recent jobs for late shares, new-job
/// announcements and block submission. Implemented by the pool's job manager (templates from the daemons).
/// </summary>
public interface IWorkSource
{
    /// <summary>The newest job, or null while no daemon gives work (the server keeps miners connected).</summary>
    IMiningJob? CurrentJob { get; }

    /// <summary>Finds a job of the bounded history by id; null when unknown or stale.</summary>
    IMiningJob? FindJob(string jobId);

    /// <summary>Raised once per new job; <c>cleanJobs</c> is true when the previous block changed.</summary>
    event Action<IMiningJob, bool>? JobPublished;

    /// <summary>Submits a solved block to every daemon of the pool and fetches new work; never throws for a daemon's rejection.</summary>
    Task<BlockSubmissionResult> SubmitBlockAsync(IMiningJob job, string blockHex, CancellationToken cancellationToken);
}

/// <summary>What the daemons said about a submitted block: accepted by at least one, and each daemon's answer.</summary>
public sealed record BlockSubmissionResult(bool Accepted, string? RejectReason, IReadOnlyList<string> DaemonAnswers);
