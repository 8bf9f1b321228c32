using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Alerts;

/// <summary>
/// The promise for the embedded default: a job's state of record lives in our database, so a restart that loses
/// the in-memory Hangfire storage (queued jobs, scheduled retries) loses no notice and doubles none.
/// </summary>
public sealed class RestartTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private const string PoolId = "ltc";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticesPendingWhenTheAppRestartsAreEachSentExactlyOnceByTheRestartedApp()
    {
        var address = MailAppFixture.NewAddress();
        var (_, owner) = await app.UserWithWalletAsync(PoolId, address, new AlertPreference { UserId = "", WorkerOfflineMinutes = 10 });
        var now = app.Clock.GetUtcNow();
        app.Smtp.Stop();

        // Before the restart, with the mail server down: a block announced by its event (its e-mail fails and waits for a
        // retry that only Hangfire's memory knows), a block and a matured payment recorded but not yet announced, and a
        // worker that fell silent (its offline e-mail fails too).
        var announced = await BlockAsync(address, 3_200_001, now);
        var unannounced = await BlockAsync(address, 3_200_002, now);
        await using (var db = await app.DbAsync())
        {
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 150_000_000, TransactionId = "cd" + unannounced, BlockHeight = 3_199_901,
                BlockHash = "ef" + unannounced[2..], CreatedAt = now,
            });
            db.Workers.Add(new WorkerState { PoolId = PoolId, Address = address, Worker = "rig1", Online = true, LastShareAt = now });
            await db.SaveChangesAsync(Token);
        }

        app.Service<IBlockFoundNotifier>().NotifyBlockFound(PoolId, 3_200_001, announced, address, "rig3", now);
        await WaitForFailedAsync(owner, NotificationKinds.BlockFound);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.Service<WorkerOfflineCheckJob>().RunAsync(Token);
        await WaitForFailedAsync(owner, NotificationKinds.WorkerOffline);

        app.Restart();
        app.Smtp.Start();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = await app.DbAsync())
        {
            await db.Workers.Where(w => w.Address == address)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.LastShareAt, app.Clock.GetUtcNow()), Token); // the miner is back
        }

        // The restarted app's own recurring jobs (registered again at start-up), run now instead of at the next minute.
        var recurring = app.Service<IRecurringJobManager>();
        foreach (var job in new[] { "notification-sweep", "block-found-notices", "payout-notices", "worker-offline-check" })
        {
            recurring.Trigger(job);
        }

        var subjects = new[] { "Block 3200001 found", "Block 3200002 found", "1.50000000 LTC matured", "Worker rig1 is offline", "Worker rig1 is back online" };
        foreach (var subject in subjects)
        {
            await app.WaitForMailAsync(owner, subject);
        }

        var rows = await app.SettledNotificationsToAsync(owner);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal(NotificationStatus.Sent, row.Status));
        var messages = app.Smtp.MessagesTo(owner);
        Assert.Equal(5, messages.Count);
        Assert.All(subjects, subject => Assert.Single(messages, m => m.Subject!.Contains(subject, StringComparison.Ordinal)));
    }

    private async Task<string> BlockAsync(string address, long height, DateTimeOffset foundAt)
    {
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using var db = await app.DbAsync();
        db.Blocks.Add(new FoundBlock
        {
            PoolId = PoolId, Height = height, Hash = hash, MinerAddress = address, Worker = "rig3", Reward = 625_000_000,
            Status = BlockStatus.Pending, FoundAt = foundAt, UpdatedAt = foundAt,
        });
        await db.SaveChangesAsync(Token);
        return hash;
    }

    private async Task WaitForFailedAsync(string recipient, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await app.DbAsync();
            if (await db.Notifications.AnyAsync(n => n.Recipient == recipient && n.Kind == kind && n.Status == NotificationStatus.Failed, Token))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no failed {kind} notice to {recipient}");
            await Task.Delay(100, Token);
        }
    }
}
