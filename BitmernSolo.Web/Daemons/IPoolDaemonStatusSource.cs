using BitmernSolo.Stratum.Daemons;

namespace BitmernSolo.Web.Daemons;

/// <summary>Each enabled pool's daemon state, for status pages, the API and <c>/readyz</c>.</summary>
public interface IPoolDaemonStatusSource
{
    /// <summary>The last check of the pool's daemons; null for an unknown or disabled pool.</summary>
    PoolDaemonStatus? GetStatus(string poolId);
}
