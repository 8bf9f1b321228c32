using BitmernSolo.Stratum.Shares;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// The blocks on record, of whichever region, brought to the share flush's in-memory "best share since the last block".
/// The finder resets only its own memory, and the recorder every pool's <c>Workers</c> row; without this another region
/// writes its best share from before the block back over the reset rows at its next flush (and this instance likewise a
/// share accounted just before its own block and flushed after it).
/// </summary>
/// <remarks>
/// Read after the rows the flush writes: the recorder writes a block before it resets the rows, so a row read reset comes
/// with its block here, and a row reset after it was read fails the save (<see cref="WorkerState.Version"/>), which reads
/// the blocks again. A row the flush inserts has no such guard; <see cref="CorrectInsertedRowsAsync"/> covers it.
/// </remarks>
internal static class RecordedBlocks
{
    /// <summary>The totals of <paramref name="shares"/> once each of <paramref name="pools"/>' latest block on record is applied to them.</summary>
    public static async Task<Dictionary<WorkerKey, WorkerShareTotals>> TotalsSinceLastBlocksAsync(
        ShareAggregator shares, ApplicationDbContext context, IEnumerable<string> pools, CancellationToken cancellationToken)
    {
        foreach (var poolId in pools.Distinct(StringComparer.Ordinal))
        {
            // Every block the daemons accepted reset the rows when it was recorded, whatever became of it since.
            var lastBlock = await context.Blocks.Where(b => b.PoolId == poolId && b.Status != BlockStatus.Rejected)
                .MaxAsync(b => (DateTimeOffset?)b.FoundAt, cancellationToken).ConfigureAwait(false);
            if (lastBlock is { } foundAt)
            {
                shares.ResetBestSinceBlock(poolId, foundAt);
            }
        }

        return shares.Totals().ToDictionary(t => t.Worker);
    }

    /// <summary>
    /// After a flush inserted first rows of workers: a block recorded between the flush's reading of the blocks and its
    /// insert reset every row of the pool but those (not there yet), and nothing conflicted. Each such row still as
    /// inserted (its version unmoved) whose best share since the block is more than the blocks now leave gets that value.
    /// </summary>
    public static async Task CorrectInsertedRowsAsync(
        ShareAggregator shares, ApplicationDbContext context, IReadOnlyList<WorkerState> inserted, CancellationToken cancellationToken)
    {
        if (inserted.Count == 0)
        {
            return;
        }

        var totals = await TotalsSinceLastBlocksAsync(shares, context, inserted.Select(r => r.PoolId), cancellationToken).ConfigureAwait(false);
        foreach (var row in inserted)
        {
            var best = totals.TryGetValue(new WorkerKey(row.PoolId, row.Address, row.Worker), out var total) ? total.BestSinceLastBlock : 0;
            if (row.BestShareSinceBlock <= best)
            {
                continue;
            }

            var (poolId, address, worker, version) = (row.PoolId, row.Address, row.Worker, row.Version);
            await context.Workers.Where(w => w.PoolId == poolId && w.Address == address && w.Worker == worker && w.Version == version)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.BestShareSinceBlock, best).AdvancingVersion(), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
