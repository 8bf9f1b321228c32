using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Email;

public sealed class WithoutMailServerTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public void WithoutAnSmtpHostAccountLinksAreLoggedNotMailed()
    {
        app.Factory.CreateClient().Dispose();

        var sender = app.Factory.Services.GetRequiredService<IEmailSender<ApplicationUser>>();

        Assert.IsType<LoggingEmailSender>(sender);
    }

    [Fact]
    public async Task WithoutAnSmtpHostAlertsAreNotRecordedSoNoBacklogFloodsOutLater()
    {
        app.Factory.CreateClient().Dispose();
        var outbox = app.Factory.Services.GetRequiredService<NotificationOutbox>();

        var queued = await outbox.QueueAsync(
            NotificationKinds.BlockFound, "test:no-smtp", new OutgoingEmail("a@example.test", "s", "<p>h</p>", "t"), TestContext.Current.CancellationToken);

        Assert.False(queued);
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.False(await db.Notifications.AnyAsync(n => n.DeduplicationKey == "test:no-smtp", TestContext.Current.CancellationToken));
    }
}
