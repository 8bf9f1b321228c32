using BitmernSolo.Stratum.Daemons;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// <c>/readyz</c> entry of one pool: Healthy when a daemon is synced on the configured chain, Degraded while syncing or not
/// yet checked, Unhealthy when the daemons are down or on another chain — with the monitor's reason.
/// </summary>
internal sealed class DaemonHealthCheck(IPoolDaemonStatusSource statuses, string poolId) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = statuses.GetStatus(poolId);
        var result = status?.State switch
        {
            DaemonState.Synced => HealthCheckResult.Healthy($"synced at height {status.Height}"),
            DaemonState.Syncing or DaemonState.Unknown => HealthCheckResult.Degraded(status.Reason),
            null => HealthCheckResult.Unhealthy($"pool '{poolId}' has no daemons"),
            _ => HealthCheckResult.Unhealthy(status.Reason),
        };
        return Task.FromResult(result);
    }
}
