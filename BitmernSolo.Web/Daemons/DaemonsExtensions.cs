using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Health;
using BitmernSolo.Web.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BitmernSolo.Web.Daemons;

public static class DaemonsExtensions
{
    /// <summary>
    /// The daemons of every enabled pool: <see cref="PoolDaemonRegistry"/> (also the <see cref="IPoolDaemonStatusSource"/>),
    /// their checks and ZMQ subscriptions, a <c>/readyz</c> entry per pool (<c>daemons:{id}</c>), the block lifecycle and
    /// network statistics jobs, and <see cref="IFanOutLatencySource"/> for metrics.
    /// </summary>
    public static WebApplicationBuilder AddPoolDaemons(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(PoolDaemonRegistry.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<PoolDaemonRegistry>();
        builder.Services.AddSingleton<IPoolDaemonStatusSource>(sp => sp.GetRequiredService<PoolDaemonRegistry>());
        builder.Services.AddSingleton<FanOutLatency>();
        builder.Services.AddSingleton<IFanOutLatencySource>(sp => sp.GetRequiredService<FanOutLatency>());
        builder.Services.AddSingleton<BlockLifecycle>();
        builder.Services.AddRecurringPoolJob<BlockLifecycleJob>();
        builder.Services.AddRecurringPoolJob<NetworkStatsJob>();
        builder.Services.AddHostedService<DaemonMonitorService>();

        var health = builder.Services.AddHealthChecks();
        var pools = (builder.Configuration.Get<PoolListOptions>() ?? new PoolListOptions()).Pools.Where(p => p.Enabled && p.Daemons.Count > 0);
        foreach (var pool in pools)
        {
            var poolId = pool.Id;
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                $"daemons:{poolId}",
                sp => new DaemonHealthCheck(sp.GetRequiredService<IPoolDaemonStatusSource>(), poolId),
                failureStatus: null,
                tags: [HealthExtensions.ReadyTag]));
        }

        return builder;
    }
}
