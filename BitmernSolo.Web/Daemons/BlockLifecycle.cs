using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// Moves a pool's pending found blocks along: still ours at its height → confirmations tracked; another block there →
/// orphaned (no payment); buried under the coin's coinbase maturity → confirmed, with one <see cref="Payment"/> of what the
/// coinbase paid the finder. Idempotent: a payment exists at most once per block (unique index on pool and block hash).
/// </summary>
public sealed class BlockLifecycle(IDbContextFactory<ApplicationDbContext> databases, TimeProvider clock)
{
    /// <summary>Updates every pending block of the pool; returns how many changed status.</summary>
    public async Task<int> UpdatePoolAsync(string poolId, CoinNetwork network, DaemonRpcClient daemon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(daemon);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = await db.Blocks.Where(b => b.PoolId == poolId && b.Status == BlockStatus.Pending)
            .OrderBy(b => b.Height).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return 0;
        }

        var tip = (await daemon.GetBlockchainInfoAsync(cancellationToken).ConfigureAwait(false)).Blocks;
        var changed = 0;
        foreach (var block in pending.Where(b => b.Height <= tip))
        {
            if (await UpdateAsync(db, block, network, daemon, cancellationToken).ConfigureAwait(false))
            {
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private async Task<bool> UpdateAsync(ApplicationDbContext db, FoundBlock block, CoinNetwork network, DaemonRpcClient daemon, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Hash256.FromDisplayHex(block.Hash);
        block.UpdatedAt = now;
        block.ConfirmationsRequired = network.CoinbaseMaturity.BlocksAt(block.Height);
        if (await daemon.GetBlockHashAsync(block.Height, cancellationToken).ConfigureAwait(false) != hash)
        {
            block.Status = BlockStatus.Orphaned;
            block.Confirmations = 0;
            return true;
        }

        var json = await daemon.GetBlockAsync(hash, 2, cancellationToken).ConfigureAwait(false);
        block.Confirmations = json.GetProperty("confirmations").GetInt32();
        if (AddressParser.TryParse(network, block.MinerAddress, out var script, out _))
        {
            var payout = CoinbasePayout.From(json, script.ToHex());
            block.Reward = payout.Satoshis;
            block.CoinbaseTxid = payout.CoinbaseTxid;
        }

        // Consensus (Core's Consensus::CheckTxInputs): a coinbase may be spent once the spending block is COINBASE_MATURITY
        // above it, i.e. from the moment it has that many confirmations the next block may spend it.
        if (block.Confirmations < block.ConfirmationsRequired)
        {
            return false;
        }

        block.Status = BlockStatus.Confirmed;
        var paid = await db.Payments.AnyAsync(p => p.PoolId == block.PoolId && p.BlockHash == block.Hash, cancellationToken).ConfigureAwait(false);
        if (!paid && block.Reward > 0 && block.CoinbaseTxid is { } txid)
        {
            db.Payments.Add(new Payment
            {
                PoolId = block.PoolId,
                Address = block.MinerAddress,
                Amount = block.Reward,
                TransactionId = txid,
                BlockHeight = block.Height,
                BlockHash = block.Hash,
                CreatedAt = now,
            });
        }

        return true;
    }
}
