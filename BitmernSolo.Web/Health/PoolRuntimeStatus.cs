using BitmernSolo.Web.Dashboards;

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

/// <summary>
/// What a pool is doing right now: its daemons' state as the daemon monitor decided it (<paramref name="State"/>, with
/// <paramref name="Reason"/> when it is not synced), its daemons, when its template arrived, how long the last new-block
/// fan-out took. Every reader (<c>/readyz</c>, the pages, the API) takes the state from here rather than judging the daemons again.
/// </summary>
public sealed record PoolRuntimeStatus(
    string PoolId,
    DaemonState State,
    string? Reason,
    IReadOnlyList<DaemonStatus> Daemons,
    DateTimeOffset? TemplateReceivedAt,
    TimeSpan? LastNotifyFanout)
{
    /// <summary>The best daemon's height (0 when none answered).</summary>
    public long Height => Daemons.Count == 0 ? 0 : Daemons.Max(d => d.Height);

    /// <summary>The most peers any daemon has (0 when none answered).</summary>
    public int Peers => Daemons.Count == 0 ? 0 : Daemons.Max(d => d.Peers);
}

/// <summary>
/// The one place to ask how a pool stands (register the implementation as a singleton): the current state of every enabled
/// pool, read by <c>/readyz</c>, the admin Pools page, the pages' daemon state (through <see cref="PoolStatusReader"/>) and
/// the API's connected peers. Until one is registered, <c>/readyz</c> and the admin Pools page say the status is not
/// reported, the pages fall back on the latest network sample and the API reports no peers.
/// </summary>
public interface IPoolStatusSource
{
    IReadOnlyList<PoolRuntimeStatus> Current { get; }
}

public static class PoolStatusSourceExtensions
{
    /// <summary>The pool's status, or null when <paramref name="source"/> is missing or does not report that pool.</summary>
    public static PoolRuntimeStatus? Find(this IPoolStatusSource? source, string poolId) =>
        source?.Current.FirstOrDefault(s => string.Equals(s.PoolId, poolId, StringComparison.OrdinalIgnoreCase));
}
