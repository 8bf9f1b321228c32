using System.Globalization;
using BitmernSolo.Tests.Email;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Mining;

/// <summary>
/// The whole app against a real <c>litecoind -regtest</c> pair: configured pool → daemon templates → stratum → the test
/// miner → a block the daemon accepts → a row in the database. Port difficulty 0.0001 is above regtest's network
/// difficulty (≈ 0.00003 at scrypt's ×65536), so every accepted share is a block.
/// </summary>
public sealed class PoolMiningRegtestTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>, IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AShareThroughThePoolBecomesTheTipPayingTheMinerAndIsRecordedAsPending()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(10); // a little chain under the pool (IBD ends with the first blocks)
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        var address = await node.NewAddressAsync("bech32");

        var block = await MineOneBlockAsync(app, address, "rig1");

        await AssertTipIsAsync(block, address, "rig1");
    }

    [Fact]
    public async Task ABlockMinedThroughThePoolsOwnStratumIsMailedOnceToTheUserWhoSavedTheFindersAddress()
    {
        node.SkipIfUnavailable();
        if (SmtpSink.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        using var smtp = new SmtpSink();
        smtp.Start();
        await node.GenerateToHeightAsync(10);
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl, smtp.PlainAppSettings());
        var address = await node.NewAddressAsync("bech32");
        var owner = $"finder-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = new ApplicationUser { UserName = owner, Email = owner };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, "Correct-Horse-9")).Succeeded);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            db.Wallets.Add(new Wallet { UserId = user.Id, PoolId = "ltc", Address = address, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var block = await MineOneBlockAsync(app, address, "mailer");

        var message = await smtp.WaitForAsync(owner, $"Block {block.Height.ToString(CultureInfo.InvariantCulture)} found");
        Assert.Contains(block.Hash, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("mailer", message.TextBody, StringComparison.Ordinal);
        // The event's job and the minutely sweep may both reach this block: still one notice, one e-mail.
        await app.Services.GetRequiredService<BitmernSolo.Web.Alerts.BlockFoundSweepJob>().RunAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(60); // the message can land a moment before its row is marked sent
        List<NotificationLog> rows;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            rows = await db.Notifications.AsNoTracking().Where(n => n.Recipient == owner).ToListAsync(TestContext.Current.CancellationToken);
        }
        while (rows.Any(r => r.Status != NotificationStatus.Sent) && DateTime.UtcNow < deadline);

        Assert.Equal(NotificationStatus.Sent, Assert.Single(rows).Status);
        Assert.Single(smtp.MessagesTo(owner));
    }

    [Fact]
    public async Task PastMwebActivationThePoolMinesBlock432WithThePegIn()
    {
        node.SkipIfUnavailable();
        if (await node.HeightAsync() >= LitecoindPairFixture.MwebActivationHeight)
        {
            Assert.Skip("The shared regtest chain is already past MWEB activation.");
        }

        await node.GenerateToHeightAsync(LitecoindPairFixture.MwebActivationHeight - 1);
        await node.Miner.CallAsync("sendtoaddress", System.Text.Json.Nodes.JsonValue.Create(await node.NewAddressAsync("mweb")), System.Text.Json.Nodes.JsonValue.Create(1m));
        await using var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        var address = await node.NewAddressAsync("bech32");

        var block = await MineOneBlockAsync(app, address, "mweb");

        Assert.Equal(LitecoindPairFixture.MwebActivationHeight, block.Height);
        var tip = await AssertTipIsAsync(block, address, "mweb");
        Assert.True(tip.GetProperty("tx").GetArrayLength() >= 3, "coinbase, the peg-in and the HogEx"); // HogEx carries MWEB
        Assert.True(tip.TryGetProperty("mweb", out _), tip.ToString());
    }

    [Fact]
    public async Task AFlushWritesTheMinersSharesAndWorkerStateAndItsDifficultyComesBackAfterARestart()
    {
        node.SkipIfUnavailable();
        await node.GenerateToHeightAsync(10);
        var address = await node.NewAddressAsync("bech32");
        var user = address + ".bitaxe";
        await using (var app = new MiningAppFactory(_data.Path, node.Miner.RpcUrl))
        {
            await using var miner = await app.ConnectBitAxeAsync(user, 0.000123);
            Assert.True((await miner.MineShareAsync()).IsTrue());
            var refused = await miner.Client.CallAsync("mining.submit", $"""["{address}.stranger","1","00000000","00000000","00000000"]""");
            Assert.Equal(24, refused.ErrorCode());

            Assert.True(await app.Services.GetRequiredService<BitmernSolo.Web.Mining.ShareStatsFlusher>().FlushAsync(TestContext.Current.CancellationToken));

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var stat = Assert.Single(await db.ShareStats.Where(s => s.Address == address && s.Worker == "bitaxe").ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, stat.Accepted);
            Assert.Equal(0.000123, stat.DifficultySum, 9);
            Assert.True(stat.BestShare >= 0.000123);
            Assert.Equal("ltc", stat.PoolId);
            Assert.Equal(0, stat.BucketStart.Second);
            var worker = await db.Workers.SingleAsync(w => w.Address == address && w.Worker == "bitaxe", TestContext.Current.CancellationToken);
            Assert.True(worker.Online);
            Assert.NotNull(worker.LastShareAt);
            Assert.Equal(0.000123, worker.LastDifficulty, 9);
            Assert.True(worker.BestShareEver >= 0.000123);
            Assert.StartsWith("bitaxe/", worker.UserAgent, StringComparison.Ordinal);
        }

        await using var restarted = new MiningAppFactory(_data.Path, node.Miner.RpcUrl);
        await using var returning = await restarted.ConnectCpuminerAsync(user);

        Assert.Equal(0.000123, returning.Difficulty, 9);
    }

    /// <summary>One block through the app's stratum by the test miner, as recorded in the database.</summary>
    internal static async Task<FoundBlock> MineOneBlockAsync(MiningAppFactory app, string address, string worker)
    {
        await using var miner = await app.ConnectCpuminerAsync(address + "." + worker);
        using var watcher = new BlockWatcher(app.Services);

        var answer = await miner.MineShareAsync();

        Assert.True(answer.IsTrue(), answer.ToString());
        var recorded = await watcher.NextAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Blocks.AsNoTracking().SingleAsync(b => b.PoolId == "ltc" && b.Hash == recorded.Hash, TestContext.Current.CancellationToken);
    }

    private async Task<System.Text.Json.JsonElement> AssertTipIsAsync(FoundBlock block, string address, string worker)
    {
        Assert.Equal(BlockStatus.Pending, block.Status);
        Assert.Equal((await node.Rpc.GetBestBlockHashAsync()).ToDisplayHex(), block.Hash);
        var tip = await node.TipBlockAsync();
        Assert.Equal(tip.GetProperty("height").GetInt64(), block.Height);
        Assert.Equal(address, block.MinerAddress);
        Assert.Equal(worker, block.Worker);
        Assert.Equal(100, block.ConfirmationsRequired);
        Assert.Contains("accepted", block.DaemonAnswer, StringComparison.Ordinal);
        var coinbase = tip.GetProperty("tx")[0];
        Assert.Equal(coinbase.GetProperty("txid").GetString(), block.CoinbaseTxid);
        var script = await CoinbaseAssertions.ScriptOfAsync(node, address);
        CoinbaseAssertions.AssertOutput(coinbase.GetProperty("vout")[0], script.Memory, block.Reward);
        // Litecoin regtest: 50 LTC halving every 150 blocks, plus the fees of what the block carries.
        Assert.True(block.Reward >= 5_000_000_000L >> (int)(block.Height / 150), block.Reward.ToString(CultureInfo.InvariantCulture));
        return tip;
    }
}
