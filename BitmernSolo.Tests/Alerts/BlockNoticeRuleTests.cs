using BitmernSolo.Tests.Email;
using BitmernSolo.Tests.Stratum;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Alerts;

/// <summary>
/// One rule for every notice about a block, on every path (the stratum event's job, the block-found sweep, the payout
/// sweep): an address saved before the block was found hears of it, found and matured; one saved later hears of neither.
/// </summary>
public sealed class BlockNoticeRuleTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PoolId = "ltc";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABlockFoundThroughTheStratumIsNotMailedToAnAddressSavedAfterItWasFound()
    {
        var address = MailAppFixture.NewAddress();
        var owner = await SaveAsync(address, DateTimeOffset.UtcNow.AddHours(-1));
        var latecomer = await SaveAsync(address, DateTimeOffset.UtcNow.AddHours(1)); // the stratum's clock is the real one
        await using var server = new StratumTestServer();
        app.Service<StratumBlockAlerts>().Subscribe(server.Pool);
        var job = server.Work.Publish(clean: true, bits: 0x207fffff, height: 778); // regtest target: almost any hash is a block
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(address + ".rig9");
        await client.CallAsync("mining.suggest_difficulty", "[1000000]");
        await miner.SyncAsync();

        var (nonce, ntime) = miner.Grind(7, 0, job.NetworkTarget);
        Assert.True((await miner.SubmitAsync(job.Id, 7, ntime, nonce, null)).IsTrue());

        await app.WaitForMailAsync(owner, "Block 778 found");
        await BlockFoundJobDoneAsync();
        Assert.Empty(await NotificationsToAsync(latecomer));
    }

    [Fact]
    public async Task AnAddressSavedBetweenABlockAndItsMaturityHearsNeitherOfTheBlockNorOfItsPayout()
    {
        var now = app.Clock.GetUtcNow();
        var foundAt = now - TimeSpan.FromHours(2);
        var address = MailAppFixture.NewAddress();
        var owner = await SaveAsync(address, foundAt - TimeSpan.FromHours(1));
        var latecomer = await SaveAsync(address, foundAt + TimeSpan.FromHours(1));
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using (var db = await app.DbAsync())
        {
            db.Blocks.Add(new FoundBlock
            {
                PoolId = PoolId, Height = 3_300_001, Hash = hash, MinerAddress = address, Worker = "rig4", Reward = 625_000_000,
                CoinbaseTxid = "ab" + hash[2..], Status = BlockStatus.Confirmed, FoundAt = foundAt, UpdatedAt = now,
            });
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 625_000_000, TransactionId = "ab" + hash[2..], BlockHeight = 3_300_001,
                BlockHash = hash, CreatedAt = now, // matured after the latecomer saved the address
            });
            await db.SaveChangesAsync(Token);
        }

        await app.Service<BlockFoundSweepJob>().RunAsync(Token);
        await app.Service<PayoutNoticeJob>().RunAsync(Token);

        await app.WaitForMailAsync(owner, "6.25000000 LTC matured");
        Assert.Equal(
            [NotificationKinds.BlockFound, NotificationKinds.PayoutMatured],
            (await app.SettledNotificationsToAsync(owner)).OrderBy(n => n.Id).Select(n => n.Kind));
        Assert.Empty(await NotificationsToAsync(latecomer));
    }

    /// <summary>A user who saved <paramref name="address"/> at <paramref name="savedAt"/>; their e-mail.</summary>
    private async Task<string> SaveAsync(string address, DateTimeOffset savedAt)
    {
        var (userId, email) = await app.UserWithWalletAsync(PoolId, address);
        await using var db = await app.DbAsync();
        await db.Wallets.Where(w => w.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(w => w.CreatedAt, savedAt), Token);
        return email;
    }

    /// <summary>Waits until Hangfire ran the block-found job to its end: after that, whatever it would send is in the log.</summary>
    private async Task BlockFoundJobDoneAsync()
    {
        var monitoring = app.Service<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(BlockFoundAlertJob)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the block-found job did not finish");
            await Task.Delay(50, Token);
        }
    }

    private async Task<List<NotificationLog>> NotificationsToAsync(string email)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Recipient == email).ToListAsync(Token);
    }
}
