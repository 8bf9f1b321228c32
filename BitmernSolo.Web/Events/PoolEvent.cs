namespace BitmernSolo.Web.Events;

/// <summary>Something that happened in the pool which open pages show the moment it happens.</summary>
public abstract record PoolEvent(string PoolId, DateTimeOffset At);

/// <summary>A block was found (and submitted) by <paramref name="Address"/>'s worker.</summary>
public sealed record BlockFoundEvent(string PoolId, DateTimeOffset At, long Height, string Hash, string Address, string? Worker)
    : PoolEvent(PoolId, At);

/// <summary>A worker came online (first share or reconnect) or went offline (no share for its owner's threshold, or disconnect).</summary>
public sealed record WorkerStatusEvent(string PoolId, DateTimeOffset At, string Address, string Worker, bool Online)
    : PoolEvent(PoolId, At);
