using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Pools;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Api;

/// <summary>
/// One miner's reads for the API: stats, performance samples, workers, odds. A null region reads every region; a name keeps
/// what that region's instances recorded (a miner is still known by its records anywhere).
/// </summary>
public sealed class MinerApiQueries(IDbContextFactory<ApplicationDbContext> contexts, TimeProvider time)
{
    /// <summary>A miner is known to a pool once it has share statistics, a worker record or a block there.</summary>
    public async Task<bool> IsKnownAsync(ConfiguredPool pool, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var id = pool.Id;
        return await db.Workers.AnyAsync(w => w.PoolId == id && w.Address == address, cancellationToken).ConfigureAwait(false)
            || await db.ShareStats.AnyAsync(s => s.PoolId == id && s.Address == address, cancellationToken).ConfigureAwait(false)
            || await db.Blocks.AnyAsync(b => b.PoolId == id && b.MinerAddress == address, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MinerStats> GetMinerStatsAsync(
        ConfiguredPool pool, string address, PerformanceRange range, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var now = time.GetUtcNow();
        var todayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var payments = await db.Payments.Where(p => p.PoolId == pool.Id && p.Address == address).InRegion(db, region)
            .Select(p => new { p.Amount, p.CreatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var windowStart = now - PoolApiQueries.HashrateWindow;
        var window = await db.ShareStats.Where(s => s.PoolId == pool.Id && s.Address == address && s.BucketStart >= windowStart)
            .InRegion(region).ToListAsync(cancellationToken).ConfigureAwait(false);
        var samples = await GetPerformanceAsync(pool, address, range, region, cancellationToken).ConfigureAwait(false);
        return new MinerStats(
            PendingShares: 0,
            PendingBalance: 0,
            ConfiguredPool.ToCoins(payments.Sum(p => p.Amount)),
            ConfiguredPool.ToCoins(payments.Where(p => p.CreatedAt >= todayStart).Sum(p => p.Amount)),
            payments.Count == 0 ? null : payments.Max(p => p.CreatedAt),
            LastPaymentLink: null,
            window.Count == 0
                ? null
                : new WorkerPerformanceStatsContainer(
                    now, ApiMapping.Workers(window, PoolApiQueries.HashrateWindow.TotalSeconds, pool.Network.ShareMultiplier)),
            samples);
    }

    /// <summary>One sample per interval of <paramref name="range"/> that has shares, oldest first.</summary>
    public async Task<IReadOnlyList<WorkerPerformanceStatsContainer>> GetPerformanceAsync(
        ConfiguredPool pool, string address, PerformanceRange range, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(range);
        var since = range.SampleStart(time.GetUtcNow() - range.Span + range.Interval);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stats = await db.ShareStats.Where(s => s.PoolId == pool.Id && s.Address == address && s.BucketStart >= since)
            .InRegion(region).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stats
            .GroupBy(s => range.SampleStart(s.BucketStart))
            .OrderBy(g => g.Key)
            .Select(g => new WorkerPerformanceStatsContainer(
                g.Key, ApiMapping.Workers(g, range.Interval.TotalSeconds, pool.Network.ShareMultiplier)))];
    }

    /// <summary>The miner's workers; with a region, those last connected there, their hashrate from that region's shares.</summary>
    public async Task<MinerWorkersResponse> GetWorkersAsync(ConfiguredPool pool, string address, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var workers = await db.Workers.Where(w => w.PoolId == pool.Id && w.Address == address).InRegion(region)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rates = await WindowRatesAsync(db, pool, address, region, cancellationToken).ConfigureAwait(false);
        var infos = workers
            .OrderBy(w => w.Worker, StringComparer.Ordinal)
            .Select(w => new WorkerInfo(
                w.Worker, w.Online, rates.GetValueOrDefault(w.Worker)?.Hashrate ?? 0, w.LastDifficulty, w.LastShareAt,
                w.BestShareEver, w.BestShareSinceBlock, w.UserAgent, w.Region))
            .ToList();
        return new MinerWorkersResponse(infos.Count(w => w.Online), infos.Count(w => !w.Online), infos);
    }

    /// <summary>Odds for one miner, or for the whole pool when <paramref name="address"/> is null, at the latest network difficulty.</summary>
    public async Task<OddsResponse> GetOddsAsync(ConfiguredPool pool, string? address, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var difficulty = await db.NetworkStats.Where(s => s.PoolId == pool.Id).OrderByDescending(s => s.CreatedAt)
            .Select(s => s.NetworkDifficulty).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var hashrate = (await WindowRatesAsync(db, pool, address, region, cancellationToken).ConfigureAwait(false)).Values.Sum(r => r.Hashrate);
        double Odds(double days) => HashrateMath.BlockProbability(hashrate, TimeSpan.FromDays(days).TotalSeconds, difficulty);
        return new OddsResponse(
            hashrate, difficulty, Odds(1), Odds(7), Odds(30), Odds(365),
            hashrate > 0 && difficulty > 0 ? HashrateMath.ExpectedSecondsToBlock(hashrate, difficulty) : null);
    }

    private async Task<Dictionary<string, WorkerPerformanceStats>> WindowRatesAsync(
        ApplicationDbContext db, ConfiguredPool pool, string? address, string? region, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - PoolApiQueries.HashrateWindow;
        var query = db.ShareStats.Where(s => s.PoolId == pool.Id && s.BucketStart >= since).InRegion(region);
        if (address is not null)
        {
            query = query.Where(s => s.Address == address);
        }

        var stats = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return ApiMapping.Workers(stats, PoolApiQueries.HashrateWindow.TotalSeconds, pool.Network.ShareMultiplier);
    }
}
