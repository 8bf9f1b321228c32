using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Dashboards;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Health;

/// <summary>
/// Ready when every enabled pool is synced (<see cref="PoolRuntimeStatus.State"/>). The per-pool state goes into the report's data
/// ("ready", "wrong network", "fee address refused", "syncing", "unreachable", "not reported"). Without an <see cref="IPoolStatusSource"/> it
/// reports healthy with a note, so a web-only deployment is still ready.
/// </summary>
internal sealed class PoolDaemonsHealthCheck(IOptions<PoolListOptions> pools, IEnumerable<IPoolStatusSource> sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var source = sources.LastOrDefault();
        var enabled = pools.Value.Pools.Where(p => p.Enabled).Select(p => p.Id).ToList();
        if (enabled.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no pool enabled, so no daemon to wait for"));
        }

        if (source is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("daemon status not reported (no daemon poller registered)"));
        }

        var current = source.Current.ToDictionary(s => s.PoolId, StringComparer.OrdinalIgnoreCase);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var id in enabled)
        {
            data[id] = !current.TryGetValue(id, out var status) ? "not reported" : ReadinessText(status.State);
        }

        var notReady = data.Where(d => !Equals(d.Value, "ready")).Select(d => d.Key).ToList();
        return Task.FromResult(notReady.Count == 0
            ? HealthCheckResult.Healthy($"{enabled.Count} pool(s) ready", data)
            : HealthCheckResult.Unhealthy("not ready: " + string.Join(", ", notReady), data: data));
    }

    private static string ReadinessText(DaemonState state) => state switch
    {
        DaemonState.Synced => "ready",
        DaemonState.WrongNetwork => "wrong network",
        DaemonState.FeeAddressRefused => "fee address refused",
        DaemonState.Syncing => "syncing",
        _ => "unreachable",
    };
}
