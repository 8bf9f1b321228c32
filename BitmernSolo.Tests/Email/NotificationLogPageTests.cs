using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Email;

public sealed class NotificationLogPageTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    private static readonly Uri Page = new("/admin/notifications", UriKind.Relative);

    [Fact]
    public async Task AnAdminSeesEachNotificationWithItsStatusAttemptsAndError()
    {
        app.Factory.CreateClient().Dispose();
        var subject = "Subject " + Guid.NewGuid().ToString("N");
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.Notifications.Add(new NotificationLog
            {
                Kind = "block-found", Recipient = "owner@example.test", Subject = subject, DeduplicationKey = "page-test:" + subject,
                Status = NotificationStatus.Failed, Attempts = 3, LastError = "SocketException: Connection refused",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, AdminFixture.AdminEmail, AdminFixture.AdminPassword)).Dispose();
        var html = await client.GetStringAsync(Page, TestContext.Current.CancellationToken);

        Assert.Contains(subject, html, StringComparison.Ordinal);
        Assert.Contains("owner@example.test", html, StringComparison.Ordinal);
        Assert.Contains("Connection refused", html, StringComparison.Ordinal);
        Assert.Contains("Failed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminNavigationLinksToTheNotificationLogAndTheJobsDashboard()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, AdminFixture.AdminEmail, AdminFixture.AdminPassword)).Dispose();

        var html = await client.GetStringAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("href=\"admin/notifications\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrdinaryUserIsSentToAccessDenied()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.RegisterAsync(client, $"miner-{Guid.NewGuid():N}@example.com", "Correct-Horse-9")).Dispose();

        using var response = await client.GetAsync(Page, TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/AccessDenied", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
    }
}
