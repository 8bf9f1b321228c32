using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The life of a block found through the pool, on a real litecoind regtest pair: pending, confirmed or orphaned.</summary>
public sealed class BlockLifecycleRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    private const string PoolId = "ltc";

    [Fact]
    public async Task ABlockFoundThroughThePoolMaturesAfterOneHundredConfirmationsWithExactlyOnePaymentOfItsReward()
    {
        node.SkipIfUnavailable();
        using var database = await TestDatabase.CreateAsync();
        var lifecycle = new BlockLifecycle(database, TimeProvider.System);
        var (address, hash, height, reward) = await FindBlockAsync(database);

        await lifecycle.UpdatePoolAsync(PoolId, RegtestPool.Litecoin, node.Rpc, CancellationToken.None);
        var block = await BlockAsync(database, hash);
        Assert.Equal(BlockStatus.Pending, block.Status);
        Assert.Equal(1, block.Confirmations);
        Assert.Equal(100, block.ConfirmationsRequired);
        Assert.Equal(reward, block.Reward);
        Assert.NotNull(block.CoinbaseTxid);

        await GenerateAsync(98);
        await lifecycle.UpdatePoolAsync(PoolId, RegtestPool.Litecoin, node.Rpc, CancellationToken.None);
        Assert.Equal(BlockStatus.Pending, (await BlockAsync(database, hash)).Status);
        Assert.Equal(99, (await BlockAsync(database, hash)).Confirmations);
        Assert.Empty(await PaymentsAsync(database, hash));

        await GenerateAsync(1);
        await lifecycle.UpdatePoolAsync(PoolId, RegtestPool.Litecoin, node.Rpc, CancellationToken.None);
        await lifecycle.UpdatePoolAsync(PoolId, RegtestPool.Litecoin, node.Rpc, CancellationToken.None); // idempotent

        block = await BlockAsync(database, hash);
        Assert.Equal(BlockStatus.Confirmed, block.Status);
        var payment = Assert.Single(await PaymentsAsync(database, hash));
        Assert.Equal(address, payment.Address);
        Assert.Equal(reward, payment.Amount);
        Assert.Equal(block.CoinbaseTxid, payment.TransactionId);
        Assert.Equal(height, payment.BlockHeight);
        var coinbase = (await node.Rpc.GetBlockAsync(Hash256.FromDisplayHex(hash), 1, TestContext.Current.CancellationToken)).GetProperty("tx")[0].GetString();
        Assert.Equal(coinbase, payment.TransactionId);
    }

    [Fact]
    public async Task ABlockReplacedAtItsHeightIsOrphanedWithoutPayment()
    {
        node.SkipIfUnavailable();
        using var database = await TestDatabase.CreateAsync();
        var lifecycle = new BlockLifecycle(database, TimeProvider.System);
        var (_, hash, _, _) = await FindBlockAsync(database);

        await node.Miner.CallAsync("invalidateblock", JsonValue.Create(hash));
        await GenerateAsync(2); // a competing block at our height, and one more
        await lifecycle.UpdatePoolAsync(PoolId, RegtestPool.Litecoin, node.Rpc, CancellationToken.None);

        var block = await BlockAsync(database, hash);
        Assert.Equal(BlockStatus.Orphaned, block.Status);
        Assert.Equal(0, block.Confirmations);
        await using var db = await database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Payments.ToListAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Mines a block through the pool's job manager for a fresh wallet address and records it as the stratum would.</summary>
    private async Task<(string Address, string Hash, long Height, long Reward)> FindBlockAsync(TestDatabase database)
    {
        var address = await node.NewAddressAsync("bech32");
        var script = await CoinbaseAssertions.ScriptOfAsync(node, address);
        using var manager = RegtestPool.CreateManager([node.Rpc], script, TimeSpan.FromSeconds(1));
        Assert.True(await manager.RefreshAsync(CancellationToken.None));
        var reward = manager.CurrentTemplate!.CoinbaseValueSatoshis;
        var (job, hash) = await RegtestPool.MineAsync(manager, script);
        await using var db = await database.CreateDbContextAsync();
        db.Blocks.Add(new FoundBlock
        {
            PoolId = PoolId,
            Height = job.Height,
            Hash = hash,
            MinerAddress = address,
            Worker = "rig1",
            Status = BlockStatus.Pending,
            FoundAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return (address, hash, job.Height, reward);
    }

    private async Task GenerateAsync(int blocks) =>
        await node.Miner.CallAsync("generatetoaddress", JsonValue.Create(blocks), JsonValue.Create(await node.NewAddressAsync("bech32")));

    private static async Task<FoundBlock> BlockAsync(TestDatabase database, string hash)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Blocks.SingleAsync(b => b.Hash == hash);
    }

    private static async Task<List<Payment>> PaymentsAsync(TestDatabase database, string hash)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Payments.Where(p => p.BlockHash == hash).ToListAsync();
    }
}
