using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Stratum;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Mining;

public static class MiningExtensions
{
    /// <summary>
    /// Turns each enabled pool into work: daemon RPC clients → a job manager (templates, long polls, block submission)
    /// registered as the pool's keyed <see cref="IWorkSource"/> for <c>AddStratum</c>, run by a restarting background loop.
    /// Records found blocks and per-minute share statistics, and persists worker difficulties. Call before
    /// <c>AddStratum</c> (its defaults yield to these registrations).
    /// </summary>
    public static WebApplicationBuilder AddPoolMining(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Polled every second and long-polled: per-request HTTP logs would drown everything else; the job manager reports failures.
        services.AddHttpClient(PoolRuntimeFactory.DaemonHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => PoolRuntimeFactory.CreateAll(
            sp.GetRequiredService<IOptions<PoolListOptions>>().Value.Pools,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<StratumServerOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PoolRuntimes>>()));

        // Keyed services need their keys now: the pools enabled in the configuration as the builder sees it.
        var enabled = (builder.Configuration.Get<PoolListOptions>() ?? new PoolListOptions()).Pools.Where(p => p.Enabled).Select(p => p.Id);
        foreach (var id in enabled.Distinct(StringComparer.Ordinal))
        {
            services.AddKeyedSingleton<IWorkSource>(id, (sp, key) =>
                sp.GetRequiredService<PoolRuntimes>().TryGet((string)key!, out var pool) ? pool.Jobs : null!);
        }

        services.AddSingleton<PersistentWorkerDifficultyStore>();
        services.AddSingleton<IWorkerDifficultyStore>(sp => sp.GetRequiredService<PersistentWorkerDifficultyStore>());
        services.AddSingleton<PoolActivity>();
        services.AddSingleton<FoundBlockRecorder>();
        services.AddSingleton<ShareStatsFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ShareStatsFlusher>());
        services.AddHostedService(sp => sp.GetRequiredService<FoundBlockRecorder>());
        services.AddHostedService<StratumEventWiring>();
        services.AddHostedService<PoolJobRunner>();
        return builder;
    }
}
