using BitmernSolo.Stratum.Daemons;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// <c>/readyz</c> entry of one pool: Healthy when a daemon is synced on the configured chain, Degraded while syncing or not
/// yet checked, Unhealthy when the daemons are down, on another chain or refusing the fee address — with the monitor's reason.
/// </summary>
internal sealed class DaemonHealthCheck(PoolDaemonRegistry registry, string poolId) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pool = registry.Find(poolId);
        var status = pool?.Monitor.Status;
        if (status is { State: DaemonState.Unknown })
        {
            // Asked before the first scheduled check: answer with a real one rather than "not checked yet".
            status = await pool!.Monitor.CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = status?.State switch
        {
            DaemonState.Synced => HealthCheckResult.Healthy($"synced at height {status.Height}"),
            DaemonState.Syncing or DaemonState.Unknown => HealthCheckResult.Degraded(status.Reason),
            null => HealthCheckResult.Unhealthy($"pool '{poolId}' has no daemons"),
            _ => HealthCheckResult.Unhealthy(status.Reason),
        };
        return result;
    }
}
