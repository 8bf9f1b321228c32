using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Web.Stratum;

namespace BitmernSolo.Web.Events;

/// <summary>
/// Republishes the in-process stratum's events on <see cref="IPoolEventBus"/> for open pages: an accepted block (a block
/// every daemon refused is not announced as found), and workers connecting or disconnecting. Does nothing when the stratum
/// is not hosted here.
/// </summary>
internal sealed class StratumEventBridge(IServiceProvider services, IPoolEventBus bus, TimeProvider clock) : IHostedService
{
    private StratumPoolRegistry? _registry;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registry = services.GetService<StratumPoolRegistry>();
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound += OnBlockFound;
            pool.WorkerConnected += OnWorkerConnected;
            pool.WorkerDisconnected += OnWorkerDisconnected;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in _registry?.Pools ?? [])
        {
            pool.BlockFound -= OnBlockFound;
            pool.WorkerConnected -= OnWorkerConnected;
            pool.WorkerDisconnected -= OnWorkerDisconnected;
        }

        return Task.CompletedTask;
    }

    internal void OnBlockFound(FoundBlock block)
    {
        if (block.Accepted)
        {
            bus.Publish(new BlockFoundEvent(block.PoolId, block.Time, block.Height, block.BlockHash.ToDisplayHex(),
                block.FinderAddress, block.FinderWorker.Length == 0 ? null : block.FinderWorker));
        }
    }

    private void OnWorkerConnected(WorkerKey worker, System.Net.IPAddress? remote, string? userAgent) =>
        bus.Publish(new WorkerStatusEvent(worker.PoolId, clock.GetUtcNow(), worker.Address, worker.Worker, Online: true));

    private void OnWorkerDisconnected(WorkerKey worker) =>
        bus.Publish(new WorkerStatusEvent(worker.PoolId, clock.GetUtcNow(), worker.Address, worker.Worker, Online: false));
}
