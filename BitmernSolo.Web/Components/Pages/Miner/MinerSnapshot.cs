using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Pools;

namespace BitmernSolo.Web.Components.Pages.Miner;

/// <summary>Everything the miner panel shows for one address on one pool, loaded together.</summary>
public sealed record MinerSnapshot(
    HashrateWindows Hashrate,
    IReadOnlyList<HashratePoint> Series,
    IReadOnlyList<WorkerRow> Workers,
    PoolStatus Status,
    IReadOnlyList<FoundBlock> Blocks,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<DailyEarning> Earnings)
{
    public double BestShareEver => Workers.Count == 0 ? 0 : Workers.Max(w => w.BestShareEver);

    public double BestShareSinceBlock => Workers.Count == 0 ? 0 : Workers.Max(w => w.BestShareSinceBlock);
}

/// <summary>
/// Loads a <see cref="MinerSnapshot"/>; cancellable, so a page switching miners drops the old load. A region narrows
/// hashrate, workers and blocks to what that region's instances saw, and payments and earnings to the blocks it found.
/// </summary>
public sealed class MinerSnapshotLoader(HashrateQueries hashrates, PoolRecordQueries records, PoolStatusReader statuses)
{
    public const int EarningDays = 30;

    public async Task<MinerSnapshot> LoadAsync(ConfiguredPool pool, string address, ChartRange range, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var multiplier = pool.ShareMultiplier;
        var windows = await hashrates.GetWindowsAsync(pool.Id, address, multiplier, region, cancellationToken);
        var series = await hashrates.GetSeriesAsync(pool.Id, address, range, multiplier, region, cancellationToken);
        var workers = await hashrates.GetWorkersAsync(pool.Id, address, multiplier, region, cancellationToken);
        var status = await statuses.GetStatusAsync(pool.Id, cancellationToken);
        var blocks = await records.GetBlocksAsync(pool.Id, address, 25, region, cancellationToken);
        var payments = await records.GetPaymentsAsync(pool.Id, address, 50, region, cancellationToken);
        var earnings = await records.GetEarningsPerDayAsync(pool.Id, address, EarningDays, region, cancellationToken);
        return new MinerSnapshot(windows, series, workers, status, blocks, payments, earnings);
    }
}
