using System.Net;
using BitmernSolo.Stratum.Shares;

namespace BitmernSolo.Stratum.Server;

/// <summary>A live connection as the UI shows it (a snapshot; the session goes on).</summary>
/// <param name="LocalPort">The pool port the miner connected to; null when the transport has none (in-memory pipes).</param>
/// <param name="LastShareAt">When the last accepted share arrived; null before the first.</param>
/// <param name="Hashrate">Hashes per second estimated from the difficulty credited over the last 5–10 minutes or since connect.</param>
public sealed record SessionInfo(
    string Extranonce1,
    IPAddress? RemoteAddress,
    string? UserAgent,
    WorkerKey? Worker,
    double Difficulty,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LastActivity,
    int? LocalPort,
    DateTimeOffset? LastShareAt,
    double Hashrate);
