using BitmernSolo.Web.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BitmernSolo.Web.Dashboards;

/// <summary>Wires what the dashboards read (stats queries, pool status) and the live event bus.</summary>
public static class DashboardExtensions
{
    public static WebApplicationBuilder AddPoolDashboards(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<HashrateQueries>();
        builder.Services.AddSingleton<PoolRecordQueries>();
        builder.Services.AddSingleton<Components.Pages.Wallets.WalletBook>();
        builder.Services.AddSingleton<Components.Pages.Alerts.AlertBook>();
        builder.Services.AddSingleton<Components.Pages.Miner.MinerSnapshotLoader>();
        builder.Services.AddSingleton<Components.Pages.Pool.PoolOverviewLoader>();
        builder.Services.AddSingleton<PoolStatusReader>();
        builder.Services.TryAddSingleton<IPoolEventBus, PoolEventBus>();
        builder.Services.AddHostedService<StratumEventBridge>();
        return builder;
    }
}
