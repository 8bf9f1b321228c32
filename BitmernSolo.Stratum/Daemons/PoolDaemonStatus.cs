namespace BitmernSolo.Stratum.Daemons;

/// <summary>One daemon as its last health check saw it.</summary>
public sealed record DaemonStatus(
    string Endpoint,
    DaemonState State,
    string? Reason,
    string? Chain,
    long Height,
    long Headers,
    double VerificationProgress,
    int Peers,
    long Version,
    string? SubVersion,
    TimeSpan RpcLatency,
    DateTimeOffset CheckedAt);

/// <summary>
/// A pool's daemons as a whole: <see cref="DaemonState.Synced"/> when at least one can give work (the first synced one does),
/// otherwise the most telling failure (wrong chain, then fee address refused, then syncing, then down) with a reason meant for the operator.
/// </summary>
public sealed record PoolDaemonStatus(
    string PoolId,
    DaemonState State,
    string? Reason,
    double SyncProgress,
    IReadOnlyList<DaemonStatus> Daemons,
    DateTimeOffset CheckedAt)
{
    public static PoolDaemonStatus NotChecked(string poolId) =>
        new(poolId, DaemonState.Unknown, "The daemons have not been checked yet.", 0, [], DateTimeOffset.MinValue);

    /// <summary>Work can be handed out.</summary>
    public bool CanMine => State == DaemonState.Synced;

    /// <summary>The best-synced daemon's height (0 when none answered).</summary>
    public long Height => Daemons.Count == 0 ? 0 : Daemons.Max(d => d.Height);
}
