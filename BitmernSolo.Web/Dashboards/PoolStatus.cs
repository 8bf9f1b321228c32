namespace BitmernSolo.Web.Dashboards;

/// <summary>
/// How a pool's coin daemons stand, as <c>/readyz</c>, the pages and the API word it. The daemon monitor decides it
/// (<see cref="Health.PoolRuntimeStatus.State"/>); only without one does a network sample stand in.
/// </summary>
public enum DaemonState
{
    /// <summary>Nothing has reported on the daemon (yet): no sample, no connection.</summary>
    NotConnected,

    Synced,

    /// <summary>Reachable but still downloading the chain (initial block download).</summary>
    Syncing,

    /// <summary>Was reachable, now is not.</summary>
    Down,

    /// <summary>Answers, but on another chain than the pool is configured for: nothing is mined.</summary>
    WrongNetwork,

    /// <summary>Answers on the right chain, but refuses the pool's fee address: nothing is mined.</summary>
    FeeAddressRefused,
}

/// <summary>
/// A pool's chain and daemon as last seen; <paramref name="LastNetworkBlockAt"/> is the time in the header of the network's
/// newest block (whoever found it), <paramref name="Detail"/> why the daemon is not synced.
/// </summary>
public sealed record PoolStatus(
    string PoolId,
    DaemonState Daemon,
    long? Height,
    double? NetworkDifficulty,
    double? NetworkHashrate,
    DateTimeOffset? SampledAt,
    string? Detail = null,
    DateTimeOffset? LastNetworkBlockAt = null);

