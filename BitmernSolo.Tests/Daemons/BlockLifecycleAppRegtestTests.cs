using System.Text.Json.Nodes;
using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Daemons;

/// <summary>
/// The life of a block found by a miner through the running app (stratum → submitblock → the recorder's pending row), moved
/// along by the block lifecycle job run whole, as Hangfire runs it every minute, on a real litecoind regtest pair.
/// </summary>
public sealed class BlockLifecycleAppRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>, IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ABlockFoundThroughThePoolIsPendingUntilOneHundredConfirmationsThenConfirmedWithItsRewardRecordedAsAPayment()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(5);
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        var address = await node.NewAddressAsync("bech32");
        var found = await MineThroughThePoolAsync(app, address);
        var job = app.Services.GetRequiredService<BlockLifecycleJob>();

        await job.RunAsync(TestContext.Current.CancellationToken);
        var block = await BlockAsync(app, found.Hash);
        Assert.Equal(BlockStatus.Pending, block.Status);
        Assert.Equal(1, block.Confirmations);
        Assert.Equal(100, block.ConfirmationsRequired);

        await GenerateAsync(98);
        await job.RunAsync(TestContext.Current.CancellationToken);
        block = await BlockAsync(app, found.Hash);
        Assert.Equal(BlockStatus.Pending, block.Status);
        Assert.Equal(99, block.Confirmations);
        Assert.Empty(await PaymentsAsync(app));

        await GenerateAsync(1);
        await job.RunAsync(TestContext.Current.CancellationToken);
        await job.RunAsync(TestContext.Current.CancellationToken); // a second run pays nothing twice

        block = await BlockAsync(app, found.Hash);
        Assert.Equal(BlockStatus.Confirmed, block.Status);
        Assert.Equal(100, block.Confirmations);
        var coinbase = (await node.Rpc.GetBlockAsync(BitmernSolo.Stratum.Crypto.Hash256.FromDisplayHex(found.Hash), 2, TestContext.Current.CancellationToken)).GetProperty("tx")[0];
        var paid = (long)(coinbase.GetProperty("vout")[0].GetProperty("value").GetDecimal() * 100_000_000m);
        var payment = Assert.Single(await PaymentsAsync(app));
        Assert.Equal(address, payment.Address);
        Assert.Equal(paid, payment.Amount);
        Assert.Equal(found.Reward, payment.Amount);
        Assert.Equal(coinbase.GetProperty("txid").GetString(), payment.TransactionId);
        Assert.Equal(found.Height, payment.BlockHeight);
        Assert.Equal(found.Hash, payment.BlockHash);
        using var web = app.CreateWebClient();
        var api = Assert.Single((await ApiJson.GetAsync(web, "/api/pools/ltc/payments")).EnumerateArray());
        Assert.Equal(address, api.GetProperty("address").GetString());
        Assert.Equal(paid / 100_000_000m, api.GetProperty("amount").GetDecimal());
        Assert.Equal(payment.TransactionId, api.GetProperty("transactionConfirmationData").GetString());
    }

    [Fact]
    public async Task ABlockFoundThroughThePoolThatLosesItsHeightToACompetingBlockIsOrphanedWithoutAPayment()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(5);
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        var found = await MineThroughThePoolAsync(app, await node.NewAddressAsync("bech32"));
        var job = app.Services.GetRequiredService<BlockLifecycleJob>();
        await job.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(BlockStatus.Pending, (await BlockAsync(app, found.Hash)).Status);

        await node.Miner.CallAsync("invalidateblock", JsonValue.Create(found.Hash));
        await GenerateAsync(2); // a competing block at our height, and one on top
        await job.RunAsync(TestContext.Current.CancellationToken);

        var block = await BlockAsync(app, found.Hash);
        Assert.Equal(BlockStatus.Orphaned, block.Status);
        Assert.Equal(0, block.Confirmations);
        Assert.NotEqual(found.Hash, (await node.Rpc.GetBlockHashAsync(found.Height, TestContext.Current.CancellationToken)).ToDisplayHex());
        Assert.Empty(await PaymentsAsync(app));
        await GenerateAsync(100);
        await job.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(BlockStatus.Orphaned, (await BlockAsync(app, found.Hash)).Status); // an orphan stays one
        Assert.Empty(await PaymentsAsync(app));
    }

    /// <summary>A test miner finds a share through the app's stratum port; at regtest difficulty it is a block.</summary>
    private static async Task<FoundBlock> MineThroughThePoolAsync(MiningAppFactory app, string address)
    {
        await using var miner = await app.ConnectCpuminerAsync(address + ".rig1");
        using var watcher = new BlockWatcher(app.Services);

        var answer = await miner.MineShareAsync();

        Assert.True(answer.IsTrue(), answer.ToString());
        var recorded = await watcher.NextAsync();
        Assert.Equal(BlockStatus.Pending, recorded.Status);
        return recorded;
    }

    private async Task GenerateAsync(int blocks) =>
        await node.Miner.CallAsync("generatetoaddress", JsonValue.Create(blocks), JsonValue.Create(await node.NewAddressAsync("bech32")));

    private static async Task<FoundBlock> BlockAsync(MiningAppFactory app, string hash)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Blocks.AsNoTracking().SingleAsync(b => b.PoolId == "ltc" && b.Hash == hash, TestContext.Current.CancellationToken);
    }

    private static async Task<List<Payment>> PaymentsAsync(MiningAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Payments.AsNoTracking().Where(p => p.PoolId == "ltc").ToListAsync(TestContext.Current.CancellationToken);
    }
}
