namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// Which of a pool's daemons may give work, best first. The job manager asks before every template fetch; an empty list
/// means no work (with <see cref="DaemonSelection.Reason"/>), while miners stay connected.
/// </summary>
public interface IDaemonAvailability
{
    /// <summary>
    /// The usable daemons in preference order. Cheap while the pool is healthy (the last check's answer); while it is not,
    /// implementations check again so that work resumes within one poll interval of a daemon coming back.
    /// </summary>
    ValueTask<DaemonSelection> SelectAsync(CancellationToken cancellationToken);
}

/// <summary>The daemons to use, best first; when empty, why not.</summary>
public sealed record DaemonSelection(IReadOnlyList<DaemonRpcClient> Daemons, string? Reason);
