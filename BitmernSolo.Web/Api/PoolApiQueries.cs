using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Health;
using BitmernSolo.Web.Pools;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Api;

/// <summary>
/// Pool-wide reads for the API: pool info, performance series, miners, blocks, payments, best shares. Each takes a region:
/// null sums every region, a name keeps the records that region's instances wrote (payments by their block's region).
/// </summary>
public sealed class PoolApiQueries(
    IDbContextFactory<ApplicationDbContext> contexts,
    TimeProvider time,
    IPoolStatusSource? statuses = null)
{
    /// <summary>Current hashrates are averaged over this window of share buckets.</summary>
    public static readonly TimeSpan HashrateWindow = TimeSpan.FromMinutes(10);

    private const int TopMinerCount = 10;

    /// <summary>What the Miningcore-compatible list shows unless <c>state</c> asks otherwise: rejected blocks are the admin's business.</summary>
    public static readonly IReadOnlyList<BlockStatus> DefaultBlockStates = [BlockStatus.Pending, BlockStatus.Confirmed, BlockStatus.Orphaned];

    public async Task<PoolInfo> GetPoolInfoAsync(ConfiguredPool pool, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var id = pool.Id;
        var miners = await MinerRatesAsync(db, pool, region, cancellationToken).ConfigureAwait(false);
        var latest = await db.NetworkStats.Where(s => s.PoolId == id).OrderByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var connectedMiners = await db.Workers.Where(w => w.PoolId == id && w.Online).InRegion(region).Select(w => w.Address).Distinct()
            .CountAsync(cancellationToken).ConfigureAwait(false);
        var blockStates = await db.Blocks.Where(b => b.PoolId == id && b.Status != BlockStatus.Rejected).InRegion(region)
            .Select(b => new { b.Status, b.FoundAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var paid = await db.Payments.Where(p => p.PoolId == id).InRegion(db, region).Select(p => p.Amount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var options = pool.Options;
        var ports = options.Ports.ToDictionary(
            p => p.Port,
            p => new PoolEndpoint(
                "0.0.0.0", p.Name, p.Difficulty.Start,
                new VarDiff(p.Difficulty.Min, p.Difficulty.Max, p.Difficulty.TargetSeconds, p.Difficulty.RetargetSeconds, p.Difficulty.VariancePercent),
                p.Tls, TlsAuto: false));
        var coin = pool.Network.Coin;
        return new PoolInfo(
            id,
            new ApiCoin(coin.Symbol, coin.DisplayName, coin.Symbol, "bitcoin", AlgorithmName(pool)),
            ports,
            new PaymentProcessing(Enabled: false, MinimumPayment: 0, PayoutScheme: "SOLO"),
            (double)options.FeePercent,
            options.FeeAddress ?? "",
            new PoolStats(connectedMiners, miners.Sum(m => m.Hashrate), miners.Sum(m => m.SharesPerSecond)),
            new NetworkStats(
                pool.Network.Kind switch { NetworkKind.Main => "Main", NetworkKind.Test => "Test", _ => "Regtest" },
                latest?.NetworkHashrate ?? 0,
                latest?.NetworkDifficulty ?? 0,
                latest?.LastBlockTime,
                latest?.Height ?? 0,
                // Live, from this instance's last daemon check (the best-connected daemon); 0 before the first check.
                ConnectedPeers: statuses.Find(id)?.Peers ?? 0,
                RewardType: "POW"),
            [.. miners.Take(TopMinerCount)],
            ConfiguredPool.ToCoins(paid.Sum()),
            blockStates.Count,
            blockStates.Count(b => b.Status == BlockStatus.Confirmed),
            blockStates.Count == 0 ? null : blockStates.Max(b => b.FoundAt),
            PoolEffort: 0);
    }

    /// <summary>
    /// One sample per interval with a network sample. The pool's hashrate and miners come from those samples for every
    /// region together (the sampler counts the whole pool); for one region they are worked out from its share statistics.
    /// </summary>
    public async Task<IReadOnlyList<AggregatedPoolStats>> GetPerformanceAsync(
        ConfiguredPool pool, PerformanceRange range, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(range);
        var since = range.SampleStart(time.GetUtcNow() - range.Span + range.Interval);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var samples = await db.NetworkStats.Where(s => s.PoolId == pool.Id && s.CreatedAt >= since)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var shares = await db.ShareStats.Where(s => s.PoolId == pool.Id && s.BucketStart >= since).InRegion(region)
            .Select(s => new { s.BucketStart, s.Accepted, s.DifficultySum, s.Address }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sharesBySample = shares.GroupBy(s => range.SampleStart(s.BucketStart)).ToDictionary(
            g => g.Key,
            g => (Accepted: g.Sum(s => s.Accepted), Difficulty: g.Sum(s => s.DifficultySum),
                Miners: g.Select(s => s.Address).Distinct(StringComparer.Ordinal).Count()));
        var seconds = range.Interval.TotalSeconds;
        return [.. samples
            .GroupBy(s => range.SampleStart(s.CreatedAt))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var own = sharesBySample.GetValueOrDefault(g.Key);
                return new AggregatedPoolStats(
                    region is null ? g.Average(s => s.PoolHashrate) : HashrateMath.FromDifficultySum(own.Difficulty, seconds, pool.Network.ShareMultiplier),
                    region is null ? (int)Math.Round(g.Average(s => s.ConnectedMiners)) : own.Miners,
                    own.Accepted / seconds,
                    g.Average(s => s.NetworkHashrate),
                    g.Average(s => s.NetworkDifficulty),
                    g.Key);
            })];
    }

    /// <summary>Miners with shares in the hashrate window, fastest first.</summary>
    public async Task<IReadOnlyList<MinerPerformanceStats>> GetMinersAsync(
        ConfiguredPool pool, PageRequest page, string? region, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var miners = await MinerRatesAsync(db, pool, region, cancellationToken).ConfigureAwait(false);
        return [.. miners.Skip(page.Skip).Take(page.PageSize)];
    }

    /// <summary>Blocks of one pool, or of all when <paramref name="poolId"/> is null; newest first.</summary>
    public async Task<IReadOnlyList<Block>> GetBlocksAsync(
        string? poolId, IReadOnlyCollection<BlockStatus> states, PageRequest page, string? region, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Blocks.Where(b => states.Contains(b.Status)).InRegion(region);
        if (poolId is not null)
        {
            query = query.Where(b => b.PoolId == poolId);
        }

        var blocks = await query.OrderByDescending(b => b.FoundAt).ThenByDescending(b => b.Id).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. blocks.Select(ApiMapping.ToApi)];
    }

    /// <summary>Payments of a pool, or of one miner in it; newest first.</summary>
    public async Task<IReadOnlyList<Responses.Payment>> GetPaymentsAsync(
        ConfiguredPool pool, string? address, PageRequest page, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Payments.Where(p => p.PoolId == pool.Id).InRegion(db, region);
        if (address is not null)
        {
            query = query.Where(p => p.Address == address);
        }

        var payments = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. payments.Select(p => ApiMapping.ToApi(p, pool.Network.Coin.Symbol))];
    }

    /// <summary>The highest shares since the pool's last block, best first.</summary>
    public async Task<IReadOnlyList<BestShare>> GetBestSharesAsync(ConfiguredPool pool, int count, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var workers = await db.Workers.Where(w => w.PoolId == pool.Id).InRegion(region).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. workers
            .OrderByDescending(w => w.BestShareSinceBlock).ThenByDescending(w => w.BestShareEver)
            .Take(count)
            .Select(w => new BestShare(w.Address, w.Worker, w.BestShareSinceBlock, w.BestShareEver, w.Region))];
    }

    private async Task<List<MinerPerformanceStats>> MinerRatesAsync(
        ApplicationDbContext db, ConfiguredPool pool, string? region, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - HashrateWindow;
        var stats = await db.ShareStats.Where(s => s.PoolId == pool.Id && s.BucketStart >= since).InRegion(region)
            .Select(s => new { s.Address, s.DifficultySum, s.Accepted }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var seconds = HashrateWindow.TotalSeconds;
        return [.. stats
            .GroupBy(s => s.Address, StringComparer.Ordinal)
            .Select(g => new MinerPerformanceStats(
                g.Key,
                HashrateMath.FromDifficultySum(g.Sum(s => s.DifficultySum), seconds, pool.Network.ShareMultiplier),
                g.Sum(s => s.Accepted) / seconds))
            .OrderByDescending(m => m.Hashrate).ThenBy(m => m.Miner, StringComparer.Ordinal)];
    }

    private static string AlgorithmName(ConfiguredPool pool) => pool.Network.Algorithm switch
    {
        PowAlgorithm.Sha256d => "sha256d",
        PowAlgorithm.Scrypt => "scrypt",
        _ => "unknown",
    };
}
