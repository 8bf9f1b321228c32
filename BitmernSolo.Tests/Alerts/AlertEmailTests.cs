using BitmernSolo.Stratum.Shares;
using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace BitmernSolo.Tests.Alerts;

public sealed class AlertEmailTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PoolId = "ltc";
    private const string PreferencesLink = MailAppFixture.PublicUrl + "/alerts";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASilentWorkerGetsExactlyOneOfflineEmailAfterTheThresholdThenOneBackOnlineEmail()
    {
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync(PoolId, address, new AlertPreference { UserId = "", WorkerOfflineMinutes = 10 });
        var check = app.Service<WorkerOfflineCheckJob>();
        await using (var db = await app.DbAsync())
        {
            db.Workers.Add(new WorkerState
            {
                PoolId = PoolId, Address = address, Worker = "rig1", Online = true, LastShareAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Token);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        await check.RunAsync(Token);
        Assert.Empty(await NotificationsToAsync(email));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await check.RunAsync(Token);
        await check.RunAsync(Token);
        var offline = await app.WaitForMailAsync(email, "Worker rig1 is offline");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await check.RunAsync(Token);

        await using (var db = await app.DbAsync())
        {
            var worker = await db.Workers.SingleAsync(w => w.PoolId == PoolId && w.Address == address, Token);
            Assert.False(worker.Online);
            worker.LastShareAt = app.Clock.GetUtcNow(); // the miner is back: the stratum records its share
            worker.Online = true;
            await db.SaveChangesAsync(Token);
        }

        await check.RunAsync(Token);
        await check.RunAsync(Token);
        await app.WaitForMailAsync(email, "Worker rig1 is back online");

        var rows = await app.SettledNotificationsToAsync(email);
        Assert.Equal([NotificationKinds.WorkerOffline, NotificationKinds.WorkerOnline], rows.OrderBy(r => r.Id).Select(r => r.Kind));
        Assert.Equal(2, app.Smtp.MessagesTo(email).Count);
        AssertLinksToPreferences(offline);
        await using (var db = await app.DbAsync())
        {
            var worker = await db.Workers.SingleAsync(w => w.PoolId == PoolId && w.Address == address, Token);
            Assert.True(worker.Online);
            Assert.Null(worker.OfflineSince);
        }
    }

    [Fact]
    public async Task AMinerWhoseSharesStopGetsOneOfflineEmailAndWhenTheyResumeOneBackOnlineEmail()
    {
        // Shares go the way the stratum's do: counted by the share aggregator, written to Workers by the minute flush.
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync(PoolId, address, new AlertPreference { UserId = "", WorkerOfflineMinutes = 10 });
        var rig = new WorkerKey(PoolId, address, "rig2");
        var check = app.Service<WorkerOfflineCheckJob>();
        await ShareAsync(rig);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await check.RunAsync(Token);
        await check.RunAsync(Token);
        await app.WaitForMailAsync(email, "Worker rig2 is offline");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await check.RunAsync(Token);

        await ShareAsync(rig); // the miner is back
        await check.RunAsync(Token);
        await check.RunAsync(Token);
        var back = await app.WaitForMailAsync(email, "Worker rig2 is back online");

        var rows = await app.SettledNotificationsToAsync(email);
        Assert.Equal([NotificationKinds.WorkerOffline, NotificationKinds.WorkerOnline], rows.OrderBy(r => r.Id).Select(r => r.Kind));
        Assert.Equal(2, app.Smtp.MessagesTo(email).Count);
        Assert.Contains("after 41 minutes without", back.TextBody, StringComparison.Ordinal);
        AssertLinksToPreferences(back);
    }

    [Fact]
    public async Task AWorkerOfAUserWithoutOfflineAlertsIsNeitherMarkedNorMailed()
    {
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync(PoolId, address, new AlertPreference { UserId = "", WorkerOfflineMinutes = null });
        await using (var db = await app.DbAsync())
        {
            db.Workers.Add(new WorkerState
            {
                PoolId = PoolId, Address = address, Worker = "quiet", Online = true,
                LastShareAt = app.Clock.GetUtcNow() - TimeSpan.FromDays(1),
            });
            await db.SaveChangesAsync(Token);
        }

        await app.Service<WorkerOfflineCheckJob>().RunAsync(Token);

        Assert.Empty(await NotificationsToAsync(email));
    }

    [Fact]
    public async Task AFoundBlockIsMailedOnceToTheOwnerOfItsAddressAndToNobodyElse()
    {
        var address = MailAppFixture.NewAddress();
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address);
        var (_, bystander) = await app.UserWithWalletAsync(PoolId, MailAppFixture.NewAddress());
        await using (var db = await app.DbAsync())
        {
            db.Blocks.Add(new FoundBlock
            {
                PoolId = PoolId, Height = 3_000_001, Hash = hash, MinerAddress = address, Worker = "rig7",
                Reward = 625_000_000, FoundAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Token);
        }

        var notifier = app.Service<IBlockFoundNotifier>();
        notifier.NotifyBlockFound(PoolId, 3_000_001, hash, address, "rig7", app.Clock.GetUtcNow());
        notifier.NotifyBlockFound(PoolId, 3_000_001, hash, address, "rig7", app.Clock.GetUtcNow());
        var job = app.Service<BlockFoundAlertJob>();
        await job.RunAsync(PoolId, 3_000_001, hash, address, "rig7", app.Clock.GetUtcNow(), Token);
        await job.RunAsync(PoolId, 3_000_001, hash, address, "rig7", app.Clock.GetUtcNow(), Token);

        var message = await app.WaitForMailAsync(owner, "Block 3000001 found");
        var rows = await app.SettledNotificationsToAsync(owner);
        Assert.Single(rows);
        Assert.Single(app.Smtp.MessagesTo(owner));
        Assert.Contains(hash, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("rig7", message.HtmlBody, StringComparison.Ordinal);
        AssertLinksToPreferences(message);
        Assert.Empty(await NotificationsToAsync(bystander));
    }

    [Fact]
    public async Task ABlockFoundJobQueuedByAnEarlierBuildStillRunsAndJudgesByTheBlocksRecordedTime()
    {
        // Hangfire keeps queued jobs in PostgreSQL across an upgrade and finds their method by the old signature (no found-at).
        var address = MailAppFixture.NewAddress();
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address);
        var foundAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, latecomer) = await app.UserWithWalletAsync(PoolId, address); // saved the address after the block
        await using (var db = await app.DbAsync())
        {
            db.Blocks.Add(new FoundBlock
            {
                PoolId = PoolId, Height = 3_000_003, Hash = hash, MinerAddress = address, Worker = "rig8",
                Reward = 625_000_000, FoundAt = foundAt, UpdatedAt = foundAt,
            });
            await db.SaveChangesAsync(Token);
        }

#pragma warning disable CS0618 // the signature earlier builds queued
        await app.Service<BlockFoundAlertJob>().RunAsync(PoolId, 3_000_003, hash, address, "rig8", Token);
#pragma warning restore CS0618

        await app.WaitForMailAsync(owner, "Block 3000003 found");
        Assert.Single(await app.SettledNotificationsToAsync(owner));
        Assert.Empty(await NotificationsToAsync(latecomer));
    }

    [Fact]
    public async Task AMaturedBlockRewardIsMailedOnceAsAPayout()
    {
        var address = MailAppFixture.NewAddress();
        var blockHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (_, email) = await app.UserWithWalletAsync(PoolId, address);
        await using (var db = await app.DbAsync())
        {
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 312_500_000, TransactionId = "ab" + blockHash, BlockHeight = 3_000_002,
                BlockHash = blockHash, CreatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Token);
        }

        var sweep = app.Service<PayoutNoticeJob>();
        await sweep.RunAsync(Token);
        await sweep.RunAsync(Token);

        var message = await app.WaitForMailAsync(email, "3.12500000 LTC matured");
        Assert.Single(await app.SettledNotificationsToAsync(email));
        Assert.Single(app.Smtp.MessagesTo(email));
        Assert.Contains(blockHash, message.TextBody, StringComparison.Ordinal);
        AssertLinksToPreferences(message);
    }

    [Fact]
    public async Task APayoutIsNotMailedToAUserWhoSavedItsAddressAfterItWasRecorded()
    {
        var address = MailAppFixture.NewAddress();
        var blockHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address);
        await using (var db = await app.DbAsync())
        {
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 312_500_000, TransactionId = "cd" + blockHash, BlockHeight = 3_000_003,
                BlockHash = blockHash, CreatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Token);
        }

        app.Clock.Advance(TimeSpan.FromHours(1)); // still well inside the sweep's look-back
        var (_, latecomer) = await app.UserWithWalletAsync(PoolId, address);

        await app.Service<PayoutNoticeJob>().RunAsync(Token);

        await app.WaitForMailAsync(owner, "3.12500000 LTC matured");
        Assert.Single(await app.SettledNotificationsToAsync(owner));
        Assert.Empty(await NotificationsToAsync(latecomer));
        Assert.Empty(app.Smtp.MessagesTo(latecomer));
    }

    [Fact]
    public async Task TheDailySummaryReportsTheLastDaysSharesBlocksAndEarnings()
    {
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync(PoolId, address, new AlertPreference { UserId = "", DailySummary = true });
        var now = app.Clock.GetUtcNow();
        await using (var db = await app.DbAsync())
        {
            db.ShareStats.Add(new ShareStat
            {
                PoolId = PoolId, Address = address, Worker = "rig1", BucketStart = now.AddHours(-2), Accepted = 10,
                DifficultySum = 1000, BestShare = 123456,
            });
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 100_000_000, TransactionId = "tx-" + address, BlockHeight = 5,
                BlockHash = "hash-" + address, CreatedAt = now.AddHours(-1),
            });
            foreach (var (status, age) in new[] { (BlockStatus.Pending, 3), (BlockStatus.Rejected, 3), (BlockStatus.Confirmed, 30) })
            {
                // Counted: found in the last day and not refused. The rejected one and the one from yesterday are not.
                db.Blocks.Add(new FoundBlock
                {
                    PoolId = PoolId, Height = 6, Hash = Guid.NewGuid().ToString("N"), MinerAddress = address, Status = status,
                    FoundAt = now.AddHours(-age), UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync(Token);
        }

        await app.Service<DailySummaryJob>().RunAsync(Token);

        var message = await app.WaitForMailAsync(email, "daily summary");
        Assert.Contains("123456", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("1.00000000 LTC", message.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"Blocks found\s+1\n", message.TextBody);
        // 1000 difficulty-1 scrypt shares in a day: 1000 × 2^32 / 2^16 hashes over 86,400 s.
        var hashrate = BitmernSolo.Web.Formatting.HashrateText.Format(1000 * 65536 / 86400.0);
        Assert.Matches($@"Average hashrate\s+{System.Text.RegularExpressions.Regex.Escape(hashrate)}\n", message.TextBody);
        AssertLinksToPreferences(message);
    }

    private async Task ShareAsync(WorkerKey worker)
    {
        app.Service<ShareAggregator>().For(worker).RecordAccepted(0.001, 0.002, app.Clock.GetUtcNow());
        Assert.True(await app.Service<ShareStatsFlusher>().FlushAsync(Token));
    }

    private async Task<List<NotificationLog>> NotificationsToAsync(string email)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Recipient == email).ToListAsync(Token);
    }

    private static void AssertLinksToPreferences(MimeMessage message)
    {
        Assert.Contains(PreferencesLink, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PreferencesLink}\"", message.HtmlBody, StringComparison.Ordinal);
    }
}
