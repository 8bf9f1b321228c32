namespace BitmernSolo.Web.Health;

/// <summary>
/// One daemon as last seen by the pool's daemon poller; <paramref name="WrongNetwork"/> when it answers but on another chain
/// than the pool's, <paramref name="FeeAddressRefused"/> when it refuses the pool's fee address; <paramref name="Error"/> then
/// explains.
/// </summary>
public sealed record DaemonStatus(
    string Url,
    bool Reachable,
    bool Synced,
    long Height,
    int Peers,
    string? Version,
    TimeSpan? RpcLatency,
    string? Error,
    bool WrongNetwork = false,
    bool FeeAddressRefused = false);

/// <summary>What a pool is doing right now: its daemons, when its template arrived, how long the last new-block fan-out took.</summary>
public sealed record PoolRuntimeStatus(
    string PoolId,
    IReadOnlyList<DaemonStatus> Daemons,
    DateTimeOffset? TemplateReceivedAt,
    TimeSpan? LastNotifyFanout)
{
    /// <summary>Ready to serve work: some daemon answers and is synced.</summary>
    public bool IsReady => Daemons.Any(d => d.Reachable && d.Synced);
}

/// <summary>
/// The hook the daemon/job integration implements (register it as a singleton): the current state of every enabled pool,
/// read by <c>/readyz</c>, the admin Pools page and the API's connected peers. Until one is registered, <c>/readyz</c> and
/// the admin Pools page say the status is not reported and the API reports no peers.
/// </summary>
public interface IPoolStatusSource
{
    IReadOnlyList<PoolRuntimeStatus> Current { get; }
}
