using System.Threading.Channels;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Writes every found block (accepted: Pending; refused: Rejected, with the daemons' answers) off the miner's thread. A
/// database failure never loses a block: the writer keeps it and retries with back-off, logging each failure as critical.
/// </summary>
public sealed class FoundBlockRecorder(
    IDbContextFactory<ApplicationDbContext> database,
    IOptions<PoolOptions> site,
    PoolRuntimes pools,
    PoolActivity activity,
    TimeProvider time,
    ILogger<FoundBlockRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    // Blocks are rare; the bound only stops a runaway producer. TryWrite never blocks a session.
    private readonly Channel<StratumFoundBlock> _queue = Channel.CreateBounded<StratumFoundBlock>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues a block for writing; called from <c>StratumPool.BlockFound</c>.</summary>
    public void Enqueue(StratumFoundBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (!_queue.Writer.TryWrite(block))
        {
            if (logger.IsEnabled(LogLevel.Critical))
            {
                logger.LogCritical("Block queue full: block {Height} {Hash} of pool {Pool} by {Address}.{Worker} is NOT recorded ({Answers}).",
                    block.Height, block.BlockHash, block.PoolId, block.FinderAddress, block.FinderWorker, string.Join("; ", block.DaemonAnswers));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var block in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RecordWithRetryAsync(block, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var block))
        {
            if (!await TryRecordAsync(block, CancellationToken.None).ConfigureAwait(false))
            {
                if (logger.IsEnabled(LogLevel.Critical))
                {
                    logger.LogCritical("Shutting down with block {Height} {Hash} of pool {Pool} by {Address}.{Worker} NOT recorded.",
                        block.Height, block.BlockHash, block.PoolId, block.FinderAddress, block.FinderWorker);
                }
            }
        }
    }

    private async Task RecordWithRetryAsync(StratumFoundBlock block, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!await TryRecordAsync(block, CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Enqueue(block); // StopAsync makes a last attempt
                throw;
            }

            delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
        }
    }

    private async Task<bool> TryRecordAsync(StratumFoundBlock block, CancellationToken cancellationToken)
    {
        try
        {
            var row = ToRow(block);
            await using var context = await database.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await context.Blocks.AnyAsync(b => b.PoolId == row.PoolId && b.Hash == row.Hash, cancellationToken).ConfigureAwait(false))
            {
                return true; // written by an attempt whose answer was lost
            }

            context.Blocks.Add(row);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (block.Accepted)
            {
                // Version: a share flush that read a row before this reset sees a conflict and takes its maximum over the
                // reset, rather than writing the old best share back. After the block row, never before: a flush (of any
                // region) that reads a reset row then finds this block and forgets its shares from before it.
                await context.Workers.Where(w => w.PoolId == block.PoolId)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.BestShareSinceBlock, 0d).AdvancingVersion(), cancellationToken)
                    .ConfigureAwait(false);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Recorded block {Height} {Hash} of pool {Pool} as {Status}.", row.Height, row.Hash, row.PoolId, row.Status);
            }

            activity.OnBlockRecorded(row);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            if (logger.IsEnabled(LogLevel.Critical))
            {
                logger.LogCritical(e, "Could not record block {Height} {Hash} of pool {Pool} by {Address}.{Worker}; kept in memory and retried.",
                    block.Height, block.BlockHash, block.PoolId, block.FinderAddress, block.FinderWorker);
            }

            return false;
        }
    }

    private FoundBlock ToRow(StratumFoundBlock block)
    {
        var answer = string.Join("; ", block.DaemonAnswers);
        return new FoundBlock
        {
            PoolId = block.PoolId,
            Height = block.Height,
            Hash = block.BlockHash.ToDisplayHex(),
            MinerAddress = block.FinderAddress,
            Worker = block.FinderWorker.Length == 0 ? null : block.FinderWorker,
            Reward = block.MinerRewardSatoshis,
            CoinbaseTxid = block.CoinbaseTxid?.ToDisplayHex(),
            ShareDifficulty = block.ShareDifficulty,
            NetworkDifficulty = block.NetworkDifficulty,
            Status = block.Accepted ? BlockStatus.Pending : BlockStatus.Rejected,
            ConfirmationsRequired = pools.TryGet(block.PoolId, out var pool) ? pool.Network.CoinbaseMaturity.BlocksAt(block.Height) : 0,
            DaemonAnswer = answer.Length > 1024 ? answer[..1024] : answer,
            Region = site.Value.Region,
            FoundAt = block.Time,
            UpdatedAt = time.GetUtcNow(),
        };
    }
}
