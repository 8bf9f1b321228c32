using System.Net;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Email;

public sealed class SmtpOutageTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAlertFiredWhileTheMailServerIsDownIsRecordedAsFailedAndDeliveredOnceItIsBack()
    {
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync("ltc", address);
        app.Smtp.Stop();

        await app.Service<BlockFoundAlertJob>().RunAsync("ltc", 42, "00ff" + address, address, "rig1", app.Clock.GetUtcNow(), Token);
        var failed = await WaitForRowAsync(email, n => n.Status == NotificationStatus.Failed);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow(), "a retry is scheduled after a back-off");

        using (var client = app.Factory.CreateClient())
        {
            using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        // Not before the back-off: the sweep leaves it alone.
        await app.Service<NotificationSweepJob>().RunAsync(Token);
        Assert.Equal(1, (await WaitForRowAsync(email, _ => true)).Attempts);

        app.Smtp.Start();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Service<NotificationSweepJob>().RunAsync(Token);

        await app.WaitForMailAsync(email, "Block 42 found");
        var sent = await WaitForRowAsync(email, n => n.Status == NotificationStatus.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Single(app.Smtp.MessagesTo(email));
    }

    [Fact]
    public async Task AQueuedNoticeThatLostItsJobIsPickedUpByTheSweep()
    {
        var email = $"lost-{Guid.NewGuid():N}@example.test";
        await using (var db = await app.DbAsync())
        {
            // As after a restart: the row exists, its Hangfire job went with the in-memory queue.
            db.Notifications.Add(new NotificationLog
            {
                Kind = NotificationKinds.BlockFound, Recipient = email, Subject = "Recovered notice",
                DeduplicationKey = "test:" + email, CreatedAt = app.Clock.GetUtcNow(), HtmlBody = "<p>hello</p>", TextBody = "hello",
            });
            await db.SaveChangesAsync(Token);
        }

        await app.Service<NotificationSweepJob>().RunAsync(Token);
        Assert.Equal(0, (await WaitForRowAsync(email, _ => true)).Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.Service<NotificationSweepJob>().RunAsync(Token);

        var message = await app.WaitForMailAsync(email, "Recovered notice");
        Assert.Equal("hello", message.TextBody?.Trim());
    }

    private async Task<NotificationLog> WaitForRowAsync(string recipient, Func<NotificationLog, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await app.DbAsync();
            var row = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Recipient == recipient, Token);
            if (row is not null && condition(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"notification to {recipient} never reached the expected state: {row?.Status}");
            await Task.Delay(100, Token);
        }
    }
}
