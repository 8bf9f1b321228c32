using System.Net;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>
/// A connected stratum session as the admin Live sessions page shows it; null where the source does not know.
/// <see cref="LastShare"/> is the last accepted share (null before the first), not the last line the miner sent.
/// </summary>
public sealed record LiveSession(
    string Id,
    string PoolId,
    int? Port,
    string? Address,
    string? Worker,
    IPAddress? RemoteAddress,
    string? UserAgent,
    double Difficulty,
    double? Hashrate,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? LastShare);

/// <summary>
/// The stratum server's live sessions: <see cref="StratumLiveSessions"/> when the stratum runs in this process, else
/// <see cref="NoLiveSessions"/>.
/// </summary>
public interface ILiveSessionSource
{
    IReadOnlyList<LiveSession> GetSessions();

    /// <summary>Closes the session; false when it is already gone.</summary>
    bool Disconnect(string sessionId);
}

/// <summary>Stand-in while no stratum server runs in this process.</summary>
public sealed class NoLiveSessions : ILiveSessionSource
{
    public IReadOnlyList<LiveSession> GetSessions() => [];

    public bool Disconnect(string sessionId) => false;
}
