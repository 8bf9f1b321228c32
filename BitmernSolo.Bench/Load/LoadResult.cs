namespace BitmernSolo.Bench.Load;

/// <summary>The functional facts and figures of one load run (tests check the facts, people read the figures).</summary>
internal sealed record LoadResult(
    int Connected,
    IReadOnlyList<FanOutResult> FanOuts,
    long Submitted,
    long Answered,
    IReadOnlyDictionary<int, long> AnswersByCode,
    double SubmitsPerSecond,
    Percentiles ReplyLatency,
    long? ResidentBytesIdle,
    long? ResidentBytesConnected)
{
    /// <summary>The pool's live managed heap after a full GC, before connecting and with the connections (pool in a child process only).</summary>
    public (long Idle, long Connected)? ManagedHeapBytes { get; init; }
}

/// <summary>
/// One new block: how many connections got the new prevhash, and when (from the trigger): <see cref="Latency"/> when the
/// load generator read it, <see cref="Arrival"/> when it reached the connection's socket (kernel receive timestamps).
/// </summary>
internal sealed record FanOutResult(int Reached, int Expected, Percentiles Latency)
{
    /// <summary>From the kernel's receive timestamps (Linux); null where the sockets could not be stamped.</summary>
    public Percentiles? Arrival { get; init; }

    /// <summary>Arrival first (the fan-out figure), then what the generator read; read only without kernel timestamps.</summary>
    public string Summary() => Arrival is { } arrival
        ? $"arrived {arrival.Summary(withFirst: true)}; read {Latency.Summary(withFirst: true)}"
        : $"read {Latency.Summary(withFirst: true)}";

    /// <summary>CPU the pool's process used from the trigger until every connection had the notify (pool in another process only).</summary>
    public double? PoolCpuMilliseconds { get; init; }

    /// <summary>CPU the load generator itself used over the same span (pool in another process only).</summary>
    public double? GeneratorCpuMilliseconds { get; init; }
}
