using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Connects each running stratum pool's events to the web side: found blocks to <see cref="FoundBlockRecorder"/>, worker
/// connections to the share flusher (user agents), and all of them to <see cref="PoolActivity"/> for other features.
/// Starts before Kestrel, so no event of the first miner is missed.
/// </summary>
internal sealed class StratumEventWiring(
    StratumPoolRegistry registry, FoundBlockRecorder blocks, ShareStatsFlusher shares, PoolActivity activity) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in registry.Pools)
        {
            pool.BlockFound += blocks.Enqueue;
            pool.BlockFound += activity.OnBlockFound;
            pool.WorkerConnected += (worker, address, userAgent) =>
            {
                shares.OnWorkerConnected(worker, userAgent);
                activity.OnWorkerConnected(worker, address, userAgent);
            };
            pool.WorkerDisconnected += activity.OnWorkerDisconnected;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
