using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Pools;

namespace BitmernSolo.Web.Components.Pages.Pool;


/// <summary>What a pool card shows: the configured pool, its daemon and network, and the pool's own figures.</summary>
public sealed record PoolOverview(ConfiguredPool Pool, PoolStatus Status, PoolSummary Summary);

/// <summary>Loads <see cref="PoolOverview"/>s for the home and pool pages.</summary>
public sealed class PoolOverviewLoader(PoolStatusReader statuses, HashrateQueries hashrates, PoolRecordQueries records)
{
    public async Task<PoolOverview> LoadAsync(ConfiguredPool pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var status = await statuses.GetStatusAsync(pool.Id, cancellationToken);
        var hashrate = await hashrates.GetPoolHashrateAsync(pool.Id, pool.ShareMultiplier, cancellationToken);
        var (miners, workers) = await records.GetOnlineAsync(pool.Id, cancellationToken);
        var blocks = await records.CountFoundBlocksAsync(pool.Id, cancellationToken);
        var latest = await records.GetBlocksAsync(pool.Id, null, 1, null, cancellationToken);
        var last = latest.Count > 0 ? latest[0] : null;
        return new PoolOverview(pool, status, new PoolSummary(hashrate, miners, workers, blocks, last));
    }

    public static string DaemonText(DaemonState state) => state switch
    {
        DaemonState.Synced => "synced",
        DaemonState.Syncing => "syncing",
        DaemonState.Down => "daemon down",
        DaemonState.WrongNetwork => "wrong network",
        DaemonState.FeeAddressRefused => "fee address refused",
        _ => "daemon not connected",
    };

    public static MudBlazor.Color DaemonColor(DaemonState state) => state switch
    {
        DaemonState.Synced => MudBlazor.Color.Success,
        DaemonState.Syncing => MudBlazor.Color.Info,
        DaemonState.Down or DaemonState.WrongNetwork or DaemonState.FeeAddressRefused => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Warning,
    };
}
