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

    /// <summary>
    /// The one place a pool's state is decided from its daemons' (the web shows this state and reason, it does not redo it):
    /// synced if any daemon is, else the most telling failure, with every daemon's reason.
    /// </summary>
    public static PoolDaemonStatus Summarize(string poolId, IReadOnlyList<DaemonStatus> daemons, DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(daemons);
        var progress = daemons.Count == 0 ? 0 : daemons.Max(d => d.VerificationProgress);
        if (daemons.Any(d => d.State == DaemonState.Synced))
        {
            return new PoolDaemonStatus(poolId, DaemonState.Synced, null, progress, daemons, checkedAt);
        }

        var worst = daemons.FirstOrDefault(d => d.State == DaemonState.WrongChain)
            ?? daemons.FirstOrDefault(d => d.State == DaemonState.FeeAddressRefused)
            ?? daemons.FirstOrDefault(d => d.State == DaemonState.Syncing)
            ?? (daemons.Count > 0 ? daemons[0] : null);
        var reason = worst is null ? "The pool has no daemon." : string.Join("; ", daemons.Select(d => $"{d.Endpoint}: {d.Reason}"));
        return new PoolDaemonStatus(poolId, worst?.State ?? DaemonState.Down, reason, progress, daemons, checkedAt);
    }

    /// <summary>Work can be handed out.</summary>
    public bool CanMine => State == DaemonState.Synced;

    /// <summary>The best-synced daemon's height (0 when none answered).</summary>
    public long Height => Daemons.Count == 0 ? 0 : Daemons.Max(d => d.Height);
}
