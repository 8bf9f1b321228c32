using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>
/// Live sessions from the in-process stratum pools. A session's id is "pool:extranonce1", unique while it lives.
/// The port is unknown for sessions not hosted by Kestrel (in-memory transports).
/// </summary>
public sealed class StratumLiveSessions(StratumPoolRegistry registry) : ILiveSessionSource
{
    public IReadOnlyList<LiveSession> GetSessions() =>
        [.. registry.Pools.SelectMany(pool => pool.GetSessions().Select(s => new LiveSession(
            pool.Settings.PoolId + ":" + s.Extranonce1,
            pool.Settings.PoolId,
            s.LocalPort,
            s.Worker?.Address,
            s.Worker?.Worker,
            s.RemoteAddress,
            s.UserAgent,
            s.Difficulty,
            s.Hashrate,
            s.ConnectedAt,
            s.LastShareAt)))];

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
