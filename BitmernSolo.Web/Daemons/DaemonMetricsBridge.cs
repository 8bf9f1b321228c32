using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Metrics;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// Feeds <see cref="PoolMetrics"/> from the daemon side: every fan-out sample into the fan-out histogram, each health
/// check's <c>getblockchaininfo</c> round trip into the RPC histogram, each published job as "template received".
/// </summary>
internal sealed class DaemonMetricsBridge(PoolDaemonRegistry registry, IFanOutLatencySource fanOut, PoolMetrics metrics, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        fanOut.Recorded += OnFanOut;
        foreach (var pool in registry.Pools)
        {
            var poolId = pool.PoolId;
            pool.Monitor.Checked += status =>
            {
                foreach (var daemon in status.Daemons.Where(d => d.State != DaemonState.Down))
                {
                    metrics.ObserveRpc(poolId, "getblockchaininfo", daemon.RpcLatency);
                }
            };
            if (services.GetKeyedService<IWorkSource>(poolId) is { } work)
            {
                work.JobPublished += (_, _) => metrics.TemplateReceived(poolId);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        fanOut.Recorded -= OnFanOut;
        return Task.CompletedTask;
    }

    private void OnFanOut(FanOutSample sample) => metrics.ObserveNotifyFanout(sample.PoolId, sample.Elapsed);
}
