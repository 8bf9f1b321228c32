using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>Rejected shares of one pool in the hashrate window, by reason.</summary>
public sealed record RejectCounts(long Accepted, long Stale, long Duplicate, long LowDifficulty, long Other);

/// <summary>Blocks and payments of every pool, for the admin tables (rejected blocks included, with the daemon's answer).</summary>
public sealed class AdminRecords(IDbContextFactory<ApplicationDbContext> contexts, TimeProvider time)
{
    public async Task<(IReadOnlyList<FoundBlock> Rows, int Total)> BlocksAsync(string? poolId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Blocks.AsNoTracking();
        if (!string.IsNullOrEmpty(poolId))
        {
            query = query.Where(b => b.PoolId == poolId);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(b => b.FoundAt).ThenByDescending(b => b.Id).Skip(skip).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows, total);
    }

    public async Task<(IReadOnlyList<Payment> Rows, int Total)> PaymentsAsync(string? poolId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Payments.AsNoTracking();
        if (!string.IsNullOrEmpty(poolId))
        {
            query = query.Where(p => p.PoolId == poolId);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(skip).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows, total);
    }

    public async Task<RejectCounts> SharesAsync(string poolId, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - Api.PoolApiQueries.HashrateWindow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stats = await db.ShareStats.Where(s => s.PoolId == poolId && s.BucketStart >= since)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RejectCounts(
            stats.Sum(s => s.Accepted), stats.Sum(s => s.RejectedStale), stats.Sum(s => s.RejectedDuplicate),
            stats.Sum(s => s.RejectedLowDifficulty), stats.Sum(s => s.RejectedOther));
    }

    public async Task<int> OnlineWorkersAsync(string poolId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Workers.CountAsync(w => w.PoolId == poolId && w.Online, cancellationToken).ConfigureAwait(false);
    }
}
