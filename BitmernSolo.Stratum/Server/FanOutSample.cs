namespace BitmernSolo.Stratum.Server;

/// <summary>
/// One new tip's trip through the pool: from the first trigger that saw it (<paramref name="Source"/>) to its clean
/// <c>mining.notify</c> queued on every live session's send queue (each session's writer flushes it at once).
/// </summary>
public sealed record FanOutSample(string PoolId, long Height, string Source, TimeSpan Elapsed, int Sessions);
