using System.Net;
using BitmernSolo.Stratum.Shares;

namespace BitmernSolo.Stratum.Server;

/// <summary>A live connection as the UI shows it (a snapshot; the session goes on).</summary>
public sealed record SessionInfo(
    string Extranonce1,
    IPAddress? RemoteAddress,
    string? UserAgent,
    WorkerKey? Worker,
    double Difficulty,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LastActivity);
