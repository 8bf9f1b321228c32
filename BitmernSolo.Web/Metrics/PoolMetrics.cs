using System.Collections.Concurrent;
using BitmernSolo.Stratum.Shares;
using Prometheus;

namespace BitmernSolo.Web.Metrics;

/// <summary>
/// Every Prometheus metric the pool exports, and the calls that move them. The stratum and daemon integration calls these
/// (one singleton per host, in its own registry so test hosts do not share counters). Label values are bounded: pool ids and
/// ports come from configuration, reject reasons from <see cref="RejectReasons"/>, RPC methods from the daemon client's fixed set.
/// </summary>
public sealed class PoolMetrics
{
    /// <summary>Reject reasons exported as labels; anything else is counted as <c>other</c>.</summary>
    public static readonly IReadOnlySet<string> RejectReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "stale", "duplicate", "low-difficulty", "unauthorized", "invalid-job", "malformed", "other",
    };

    private readonly ConcurrentDictionary<string, DateTimeOffset> _templateReceivedAt = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Gauge _connections;
    private readonly Counter _sharesAccepted;
    private readonly Counter _shareDifficulty;
    private readonly Counter _sharesRejected;
    private readonly Counter _blocks;
    private readonly Gauge _poolHashrate;
    private readonly Gauge _templateAge;
    private readonly Histogram _rpcDuration;
    private readonly Histogram _notifyFanout;

    public PoolMetrics(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);

        _connections = factory.CreateGauge("bitmernsolo_stratum_connections", "Open stratum connections.", "pool", "port");
        _sharesAccepted = factory.CreateCounter("bitmernsolo_shares_accepted_total", "Accepted shares.", "pool");
        _shareDifficulty = factory.CreateCounter(
            "bitmernsolo_shares_accepted_difficulty_total", "Sum of the assigned difficulty of accepted shares.", "pool");
        _sharesRejected = factory.CreateCounter("bitmernsolo_shares_rejected_total", "Rejected shares by reason.", "pool", "reason");
        _blocks = factory.CreateCounter(
            "bitmernsolo_blocks_total", "Blocks by outcome: found (share met the network target), submitted, rejected (by every daemon).",
            "pool", "outcome");
        _poolHashrate = factory.CreateGauge("bitmernsolo_pool_hashrate", "Pool hashrate in hashes per second.", "pool");
        _templateAge = factory.CreateGauge("bitmernsolo_template_age_seconds", "Seconds since the current block template arrived.", "pool");
        _rpcDuration = factory.CreateHistogram("bitmernsolo_daemon_rpc_duration_seconds", "Daemon JSON-RPC call latency.",
            new HistogramConfiguration
            {
                LabelNames = ["pool", "method"],
                Buckets = Histogram.ExponentialBuckets(0.001, 2, 14),
            });
        _notifyFanout = factory.CreateHistogram("bitmernsolo_notify_fanout_seconds",
            "Time from a new block seen by the pool to mining.notify sent to every connected miner.",
            new HistogramConfiguration
            {
                LabelNames = ["pool"],
                Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14),
            });

        // Template age is a function of time, so it is computed at scrape rather than pushed.
        Registry.AddBeforeCollectCallback(UpdateTemplateAges);
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    public void ConnectionOpened(string pool, int port) => _connections.WithLabels(pool, PortLabel(port)).Inc();

    public void ConnectionClosed(string pool, int port) => _connections.WithLabels(pool, PortLabel(port)).Dec();

    public void ShareAccepted(string pool, double assignedDifficulty)
    {
        _sharesAccepted.WithLabels(pool).Inc();
        _shareDifficulty.WithLabels(pool).Inc(assignedDifficulty);
    }

    /// <summary><paramref name="reason"/>: one of <see cref="RejectReasons"/>; others are counted as <c>other</c>.</summary>
    public void ShareRejected(string pool, string reason) =>
        _sharesRejected.WithLabels(pool, RejectReasons.Contains(reason) ? reason : "other").Inc();

    /// <summary>
    /// Adds one drained interval of the stratum's share counters (what the share writer takes from
    /// <see cref="ShareAggregator.TakeInterval"/> each minute), so the counters move without a call per share.
    /// </summary>
    public void RecordShares(IEnumerable<ShareCounters> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        foreach (var c in counters)
        {
            var pool = c.Worker.PoolId;
            _sharesAccepted.WithLabels(pool).Inc(c.Accepted);
            _shareDifficulty.WithLabels(pool).Inc(c.SumDifficulty);
            AddRejected(pool, "stale", c.RejectedStale);
            AddRejected(pool, "duplicate", c.RejectedDuplicate);
            AddRejected(pool, "low-difficulty", c.RejectedLowDifficulty);
            AddRejected(pool, "unauthorized", c.RejectedUnauthorized);
            AddRejected(pool, "other", c.RejectedOther);
        }
    }

    public void BlockFound(string pool) => _blocks.WithLabels(pool, "found").Inc();

    public void BlockSubmitted(string pool) => _blocks.WithLabels(pool, "submitted").Inc();

    public void BlockRejected(string pool) => _blocks.WithLabels(pool, "rejected").Inc();

    public void SetPoolHashrate(string pool, double hashesPerSecond) => _poolHashrate.WithLabels(pool).Set(hashesPerSecond);

    /// <summary>Call when a new template (new block or updated transactions) becomes the current job.</summary>
    public void TemplateReceived(string pool) => _templateReceivedAt[pool] = _time.GetUtcNow();

    public void ObserveRpc(string pool, string method, TimeSpan duration) =>
        _rpcDuration.WithLabels(pool, method).Observe(duration.TotalSeconds);

    public void ObserveNotifyFanout(string pool, TimeSpan duration) => _notifyFanout.WithLabels(pool).Observe(duration.TotalSeconds);

    private void AddRejected(string pool, string reason, long count)
    {
        if (count > 0)
        {
            _sharesRejected.WithLabels(pool, reason).Inc(count);
        }
    }

    private void UpdateTemplateAges()
    {
        var now = _time.GetUtcNow();
        foreach (var (pool, at) in _templateReceivedAt)
        {
            _templateAge.WithLabels(pool).Set(Math.Max(0, (now - at).TotalSeconds));
        }
    }

    private static string PortLabel(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
