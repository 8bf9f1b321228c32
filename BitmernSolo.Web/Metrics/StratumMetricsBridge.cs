using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Metrics;

/// <summary>
/// Feeds <see cref="PoolMetrics"/> from the stratum's events when the stratum runs in this process: every submitted block
/// counts as found and submitted, and as rejected when no daemon accepted it. (Connections are counted by
/// <see cref="StratumConnectionHandler"/>, which knows the port.)
/// </summary>
internal sealed class StratumMetricsBridge(IServiceProvider services, PoolMetrics metrics) : IHostedService
{
    private StratumPoolRegistry? _registry;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registry = services.GetService<StratumPoolRegistry>();
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound += OnBlockFound;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound -= OnBlockFound;
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
}
