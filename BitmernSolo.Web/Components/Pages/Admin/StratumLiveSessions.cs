using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>
/// Live sessions from the in-process stratum pools. A session's id is "pool:extranonce1", unique while it lives.
/// The snapshot has no port or hashrate, so those show as unknown; "last activity" is the last line the miner sent.
/// </summary>
public sealed class StratumLiveSessions(StratumPoolRegistry registry) : ILiveSessionSource
{
    public IReadOnlyList<LiveSession> GetSessions() =>
        [.. registry.Pools.SelectMany(pool => pool.GetSessions().Select(s => new LiveSession(
            pool.Settings.PoolId + ":" + s.Extranonce1,
            pool.Settings.PoolId,
            Port: null,
            s.Worker?.Address,
            s.Worker?.Worker,
            s.RemoteAddress,
            s.UserAgent,
            s.Difficulty,
            Hashrate: null,
            s.ConnectedAt,
            s.LastActivity)))];

    public bool Disconnect(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var separator = sessionId.LastIndexOf(':');
        if (separator < 0)
        {
            return false;
        }

        var poolId = sessionId[..separator];
        var pool = registry.Pools.FirstOrDefault(p => string.Equals(p.Settings.PoolId, poolId, StringComparison.Ordinal));
        return pool?.Disconnect(sessionId[(separator + 1)..]) == true;
    }
}
