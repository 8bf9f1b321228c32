namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// Stratum V1 error codes, sent as <c>[code, message, null]</c> (the de-facto set used by cgminer-era pools).
/// </summary>
public enum StratumError
{
    /// <summary>Anything else: malformed request, bad hex or sizes, ntime out of range, version bits outside the mask, unknown method.</summary>
    Other = 20,

    /// <summary>The job id is unknown or the job is stale (a newer block arrived).</summary>
    JobNotFound = 21,

    /// <summary>The same share (job, extranonce2, ntime, nonce, version bits) was already submitted.</summary>
    DuplicateShare = 22,

    /// <summary>The share does not meet the session's difficulty.</summary>
    LowDifficulty = 23,

    /// <summary>The worker is not authorized (or authorization was refused).</summary>
    UnauthorizedWorker = 24,

    /// <summary>The connection has not subscribed yet.</summary>
    NotSubscribed = 25,
}
