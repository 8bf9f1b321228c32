using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Alerts;

/// <summary>
/// Block-found notices from our database, not only from the Hangfire job the stratum event enqueues: a block whose event
/// was lost (a restart emptied the in-memory queue) is still announced, and never twice.
/// </summary>
public sealed class BlockFoundSweepTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PoolId = "ltc";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABlockRecordedOnlyInTheDatabaseIsMailedOnceToItsOwnerAndASecondSweepSendsNothingMore()
    {
        var address = MailAppFixture.NewAddress();
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address);
        var (_, bystander) = await app.UserWithWalletAsync(PoolId, MailAppFixture.NewAddress());
        var hash = await BlockAsync(address, 3_100_001, BlockStatus.Pending, app.Clock.GetUtcNow());
        var sweep = app.Service<BlockFoundSweepJob>();

        await sweep.RunAsync(Token);
        var message = await app.WaitForMailAsync(owner, "Block 3100001 found");
        Assert.Single(await app.SettledNotificationsToAsync(owner));
        await sweep.RunAsync(Token);

        var row = Assert.Single(await app.SettledNotificationsToAsync(owner));
        Assert.Equal(NotificationKinds.BlockFound, row.Kind);
        Assert.Single(app.Smtp.MessagesTo(owner));
        Assert.Contains(hash, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("rig5", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(MailAppFixture.PublicUrl + "/alerts", message.TextBody, StringComparison.Ordinal);
        Assert.Empty(await NotificationsToAsync(bystander));
    }

    [Fact]
    public async Task ABlockAnnouncedByTheStratumEventAndFoundAgainByTheSweepIsMailedOnce()
    {
        var address = MailAppFixture.NewAddress();
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address);
        var hash = await BlockAsync(address, 3_100_002, BlockStatus.Pending, app.Clock.GetUtcNow());
        var sweep = app.Service<BlockFoundSweepJob>();

        // Both paths at once, as when the sweep's minute comes up while the event's job is in the queue.
        app.Service<IBlockFoundNotifier>().NotifyBlockFound(PoolId, 3_100_002, hash, address, "rig5", app.Clock.GetUtcNow());
        await sweep.RunAsync(Token);
        await app.WaitForMailAsync(owner, "Block 3100002 found");
        await sweep.RunAsync(Token);

        Assert.Single(await app.SettledNotificationsToAsync(owner));
        Assert.Single(app.Smtp.MessagesTo(owner));
    }

    [Fact]
    public async Task TheSweepLeavesRejectedOrphanedAndDayOldBlocksAndAddressesSavedAfterTheBlockAlone()
    {
        var now = app.Clock.GetUtcNow();
        var rejected = MailAppFixture.NewAddress();
        var orphaned = MailAppFixture.NewAddress();
        var old = MailAppFixture.NewAddress();
        var savedLater = MailAppFixture.NewAddress();
        var owners = new List<string>();
        foreach (var address in new[] { rejected, orphaned, old })
        {
            owners.Add((await app.UserWithWalletAsync(PoolId, address)).Email);
        }

        await BlockAsync(rejected, 3_100_003, BlockStatus.Rejected, now);
        await BlockAsync(orphaned, 3_100_004, BlockStatus.Orphaned, now);
        await BlockAsync(old, 3_100_005, BlockStatus.Confirmed, now - BlockFoundSweepJob.Lookback - TimeSpan.FromMinutes(1));
        await using (var db = await app.DbAsync())
        {
            // Saved long before its block, so only the block's age keeps it out.
            await db.Wallets.Where(w => w.Address == old).ExecuteUpdateAsync(set => set.SetProperty(w => w.CreatedAt, now.AddDays(-7)), Token);
        }

        await BlockAsync(savedLater, 3_100_006, BlockStatus.Pending, now - TimeSpan.FromHours(1));
        owners.Add((await app.UserWithWalletAsync(PoolId, savedLater)).Email);

        await app.Service<BlockFoundSweepJob>().RunAsync(Token);

        foreach (var owner in owners)
        {
            Assert.Empty(await NotificationsToAsync(owner));
        }
    }

    private async Task<string> BlockAsync(string address, long height, BlockStatus status, DateTimeOffset foundAt)
    {
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using var db = await app.DbAsync();
        db.Blocks.Add(new FoundBlock
        {
            PoolId = PoolId, Height = height, Hash = hash, MinerAddress = address, Worker = "rig5", Reward = 625_000_000,
            Status = status, FoundAt = foundAt, UpdatedAt = foundAt,
        });
        await db.SaveChangesAsync(Token);
        return hash;
    }

    private async Task<List<NotificationLog>> NotificationsToAsync(string email)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Recipient == email).ToListAsync(Token);
    }
}
