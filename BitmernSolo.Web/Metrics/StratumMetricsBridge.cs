using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Mining;
using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Metrics;

/// <summary>
/// Feeds <see cref="PoolMetrics"/> from the stratum's events when the stratum runs in this process: every submitted block
/// counts as found and submitted, and as rejected when no daemon accepted it. (Connections are counted by
/// <see cref="StratumConnectionHandler"/>, which knows the port.) Each minute's share counters move the share counters and
/// set the pool hashrate gauge from the work done since the previous minute.
/// </summary>
internal sealed class StratumMetricsBridge(IServiceProvider services, PoolMetrics metrics, TimeProvider time) : IHostedService
{
    private StratumPoolRegistry? _registry;
    private PoolActivity? _activity;
    private DateTimeOffset _lastSharesAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registry = services.GetService<StratumPoolRegistry>();
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound += OnBlockFound;
        }

        _lastSharesAt = time.GetUtcNow();
        _activity = services.GetService<PoolActivity>();
        if (_activity is not null)
        {
            _activity.SharesCounted += OnSharesCounted;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound -= OnBlockFound;
        }

        if (_activity is not null)
        {
            _activity.SharesCounted -= OnSharesCounted;
        }

        return Task.CompletedTask;
    }

    internal void OnBlockFound(FoundBlock block)
    {
        metrics.BlockFound(block.PoolId);
        metrics.BlockSubmitted(block.PoolId);
        if (!block.Accepted)
        {
            metrics.BlockRejected(block.PoolId);
        }
    }

    internal void OnSharesCounted(IReadOnlyList<ShareCounters> counters)
    {
        metrics.RecordShares(counters);
        var now = time.GetUtcNow();
        var seconds = (now - _lastSharesAt).TotalSeconds;
        _lastSharesAt = now;
        if (seconds <= 0)
        {
            return;
        }

        foreach (var pool in _registry?.Pools ?? [])
        {
            var work = counters.Where(c => c.Worker.PoolId == pool.Settings.PoolId).Sum(c => c.SumDifficulty);
            metrics.SetPoolHashrate(pool.Settings.PoolId, HashrateMath.FromDifficultySum(work, seconds, (uint)pool.Settings.ShareMultiplier));
        }
    }
}
