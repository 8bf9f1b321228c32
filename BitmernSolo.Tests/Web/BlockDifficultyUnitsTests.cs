using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Daemons;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Web;

public sealed class BlockDifficultyUnitsTests
{
    // Litecoin mainnet-like: getdifficulty 5e7, which is 5e7 × 65,536 in stratum units.
    private const double LitecoinDifficulty = 5e7;
    private const double LitecoinStratumDifficulty = LitecoinDifficulty * 65536;

    private static readonly CoinPoolOptions[] Pools =
    [
        new() { Id = "ltc", Coin = "litecoin" },
        new() { Id = "btc", Coin = "bitcoin" },
    ];

    [Fact]
    public async Task AnOldScryptBlockGetsTheDaemonsDifficultyOnceAndEveryOtherBlockIsLeftAlone()
    {
        using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Blocks.AddRange(
                Block("ltc", 1, share: 1.3 * LitecoinStratumDifficulty, network: LitecoinStratumDifficulty), // recorded before the fix
                Block("ltc", 2, share: 1.3 * LitecoinStratumDifficulty, network: LitecoinDifficulty),
                Block("btc", 3, share: 2e14, network: 1.5e14),
                Block("gone", 4, share: 1, network: 1)); // a pool no longer configured: its coin is unknown
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await BlockDifficultyUnits.ToDaemonUnitsAsync(db, Pools, TestContext.Current.CancellationToken));
            Assert.Equal(0, await BlockDifficultyUnits.ToDaemonUnitsAsync(db, Pools, TestContext.Current.CancellationToken));
        }

        await using var check = database.CreateDbContext();
        var network = await check.Blocks.OrderBy(b => b.Height).Select(b => b.NetworkDifficulty).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([LitecoinDifficulty, LitecoinDifficulty, 1.5e14, 1], network);
    }

    private static FoundBlock Block(string pool, long height, double share, double network) => new()
    {
        PoolId = pool, Height = height, Hash = ApiSeed.Hex('b', height), MinerAddress = "miner", ShareDifficulty = share,
        NetworkDifficulty = network, FoundAt = ApiSeed.Now, UpdatedAt = ApiSeed.Now,
    };
}
