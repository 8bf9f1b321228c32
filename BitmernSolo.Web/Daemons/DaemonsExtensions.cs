using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Health;
using BitmernSolo.Web.Jobs;
using BitmernSolo.Web.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Daemons;

public static class DaemonsExtensions
{
    /// <summary>
    /// The daemons of every enabled pool: <see cref="PoolDaemonRegistry"/> (reported as the <see cref="IPoolStatusSource"/>),
    /// their checks and ZMQ subscriptions, a <c>/readyz</c> entry per pool (<c>daemons:{id}</c>), the block lifecycle and
    /// network statistics jobs, and <see cref="IFanOutLatencySource"/> for metrics.
    /// </summary>
    public static WebApplicationBuilder AddPoolDaemons(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(PoolDaemonRegistry.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<PoolDaemonRegistry>();
        builder.Services.AddSingleton<FanOutLatency>();
        builder.Services.AddSingleton<IFanOutLatencySource>(sp => sp.GetRequiredService<FanOutLatency>());
        builder.Services.AddSingleton<BlockLifecycle>();
        builder.Services.AddRecurringPoolJob<BlockLifecycleJob>();
        builder.Services.AddRecurringPoolJob<NetworkStatsJob>();
        builder.Services.AddHostedService<DaemonMonitorService>();
        builder.Services.AddSingleton<IPoolStatusSource, DaemonPoolStatusSource>();
        if (builder.Services.Any(d => d.ServiceType == typeof(PoolMetrics)))
        {
            builder.Services.AddHostedService<DaemonMetricsBridge>();
        }

        // Registered when options are first read (not from builder.Configuration now): sources added later, such as
        // test overrides, count too.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<PoolListOptions>>((health, pools) =>
        {
            foreach (var pool in pools.Value.Pools.Where(p => p.Enabled && p.Daemons.Count > 0))
            {
                var poolId = pool.Id;
                health.Registrations.Add(new HealthCheckRegistration(
                    $"daemons:{poolId}",
                    sp => new DaemonHealthCheck(sp.GetRequiredService<PoolDaemonRegistry>(), poolId),
                    failureStatus: null,
                    tags: [HealthExtensions.ReadyTag]));
            }
        });

        return builder;
    }
}
