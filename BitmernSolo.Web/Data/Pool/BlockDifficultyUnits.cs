using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>
/// Blocks found before the network difficulty was recorded in the daemon's units kept it in stratum units, the share
/// multiplier too high (65,536 for scrypt). Which pools are scrypt is configuration, not data, so no migration can tell; this
/// runs at start-up for every configured pool with a multiplier instead.
/// </summary>
internal static class BlockDifficultyUnits
{
    /// <summary>
    /// Divides the old rows of the configured pools back to the daemon's units; returns how many it changed. A block's share
    /// met the network target, so in daemon units its stratum share difficulty is at least multiplier × network difficulty:
    /// only a row below that is in stratum units, and once divided it is no longer below, so running it again changes nothing.
    /// (An old row whose share happened to be 65,536 times harder than the block needed stays as it was.)
    /// </summary>
    public static async Task<int> ToDaemonUnitsAsync(ApplicationDbContext db, IEnumerable<CoinPoolOptions> pools, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var pool in pools)
        {
            if (!CoinRegistry.TryGet(pool.Coin, pool.Network, out var network) || network.ShareMultiplier <= 1)
            {
                continue;
            }

            double multiplier = network.ShareMultiplier;
            var poolId = pool.Id;
            changed += await db.Blocks
                .Where(b => b.PoolId == poolId && b.ShareDifficulty < b.NetworkDifficulty * multiplier)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.NetworkDifficulty, b => b.NetworkDifficulty / multiplier), cancellationToken)
                .ConfigureAwait(false);
        }

        return changed;
    }
}
