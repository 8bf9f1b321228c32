using Prometheus;

namespace BitmernSolo.Web.Metrics;

/// <summary><c>/metrics</c> in the Prometheus text format, from <see cref="PoolMetrics"/>.</summary>
public static class MetricsExtensions
{
    public static WebApplicationBuilder AddPoolMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PoolMetrics>();
        builder.Services.AddHostedService<StratumMetricsBridge>();
        return builder;
    }

    /// <summary>Anonymous like the health endpoints: operators scrape it from their network; keep it off the public proxy.</summary>
    public static WebApplication MapPoolMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.Services.GetRequiredService<PoolMetrics>();
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }
}
