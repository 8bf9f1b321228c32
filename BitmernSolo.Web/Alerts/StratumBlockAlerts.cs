using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Stratum;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Subscribes to every running stratum pool's <c>BlockFound</c> and hands accepted blocks to <see cref="IBlockFoundNotifier"/>,
/// so the finder hears of it the moment it happens (not by polling). Harmless if the block recorder also notifies: one
/// notice per block and user is all the outbox lets through.
/// </summary>
internal sealed class StratumBlockAlerts(IServiceProvider services, IBlockFoundNotifier notifier) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Absent when the stratum is not hosted (no AddStratum), e.g. a web-only instance.
        if (services.GetService<StratumPoolRegistry>() is { } registry)
        {
            foreach (var pool in registry.Pools)
            {
                Subscribe(pool);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Subscribe(StratumPool pool) => pool.BlockFound += OnBlockFound;

    private void OnBlockFound(StratumFoundBlock block)
    {
        if (block.Accepted)
        {
            notifier.NotifyBlockFound(block.PoolId, block.Height, block.BlockHash.ToDisplayHex(), block.FinderAddress, block.FinderWorker, block.Time);
        }
    }
}
