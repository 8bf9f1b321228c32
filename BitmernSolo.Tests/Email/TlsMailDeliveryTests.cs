using System.Net;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Email;

/// <summary>
/// The app configured as an operator would for an internal relay: STARTTLS, a login, and the relay's self-signed
/// certificate pinned by <c>Smtp:CertificateThumbprint</c>.
/// </summary>
public sealed class TlsMailAppFixture() : MailAppFixture(
    new SmtpSink(SmtpSinkTls.StartTls, User, Password),
    smtp => new Dictionary<string, string?>
    {
        ["Smtp:Tls"] = "StartTls",
        ["Smtp:User"] = User,
        ["Smtp:Password"] = Password,
        ["Smtp:CertificateThumbprint"] = smtp.CertificateSha256,
    })
{
    public const string User = "pool-relay";
    public const string Password = "relay-Secret-42";
}

/// <summary>Alerts through the outbox to a relay that wants TLS and a login; what the notification log shows when that fails.</summary>
public sealed class TlsMailDeliveryTests(TlsMailAppFixture app) : IClassFixture<TlsMailAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAlertReachesARelayWithAPinnedSelfSignedCertificateOverStartTlsAuthenticatedAsThePoolsLogin()
    {
        var address = MailAppFixture.NewAddress();
        var (_, email) = await app.UserWithWalletAsync("ltc", address);

        await app.Service<BlockFoundAlertJob>().RunAsync("ltc", 4242, "00aa" + address, address, "rig1", app.Clock.GetUtcNow(), Token);

        var message = await app.WaitForMailAsync(email, "Block 4242 found");
        Assert.Equal(TlsMailAppFixture.User, message.Headers[SmtpSink.LoginHeader]);
        Assert.StartsWith("TLSv1.", message.Headers[SmtpSink.TlsHeader], StringComparison.Ordinal);
        var row = Assert.Single(await app.SettledNotificationsToAsync(email));
        Assert.Equal(NotificationStatus.Sent, row.Status);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task AWrongPasswordLeavesTheNoticeFailedWithTheServersAuthenticationErrorAndARetryThatDeliversOnceTheLoginIsRight()
    {
        var email = $"login-{Guid.NewGuid():N}@example.test";
        var id = await LoggedNoticeAsync(email, "Login test");

        await DeliveryWith(smtp => smtp.Password = "not-the-password").DeliverAsync(id, Token);

        var failed = await RowAsync(id);
        Assert.Equal(NotificationStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("AuthenticationException:", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("Authentication credentials invalid", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow(), "a retry is scheduled after a back-off");
        Assert.Empty(app.Smtp.MessagesTo(email));
        await AssertTheSiteStillAnswersAsync();

        // The configured login is the right one: the next attempt, after the back-off, goes through.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.Service<NotificationSweepJob>().RunAsync(Token);
        await app.WaitForMailAsync(email, "Login test");
        var sent = Assert.Single(await app.SettledNotificationsToAsync(email));
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task WithoutThePinTheSelfSignedRelayIsRefusedAndTheLogShowsTheCertificateError()
    {
        var email = $"unpinned-{Guid.NewGuid():N}@example.test";
        var id = await LoggedNoticeAsync(email, "Unpinned test");

        await DeliveryWith(smtp => smtp.CertificateThumbprint = null).DeliverAsync(id, Token);

        var failed = await RowAsync(id);
        Assert.Equal(NotificationStatus.Failed, failed.Status);
        Assert.StartsWith("SslHandshakeException:", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("certificate is not trusted", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(app.Smtp.CertificateSha256, failed.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.MessagesTo(email));
    }

    /// <summary>A notice as the outbox writes it, but without a Hangfire job: the test delivers it itself.</summary>
    private async Task<long> LoggedNoticeAsync(string email, string subject)
    {
        await using var db = await app.DbAsync();
        var row = new NotificationLog
        {
            Kind = NotificationKinds.BlockFound, Recipient = email, Subject = subject, DeduplicationKey = "tls-test:" + email,
            CreatedAt = app.Clock.GetUtcNow(), HtmlBody = "<p>hello</p>", TextBody = "hello",
        };
        db.Notifications.Add(row);
        await db.SaveChangesAsync(Token);
        return row.Id;
    }

    /// <summary>The app's own delivery job and database, with the mail settings changed as an operator might get them wrong.</summary>
    private NotificationDelivery DeliveryWith(Action<SmtpOptions> change)
    {
        var configured = app.Service<IOptions<SmtpOptions>>().Value;
        var smtp = new SmtpOptions
        {
            Host = configured.Host, Port = configured.Port, From = configured.From, Tls = configured.Tls, User = configured.User,
            Password = configured.Password, CertificateThumbprint = configured.CertificateThumbprint,
        };
        change(smtp);
        return new NotificationDelivery(
            app.Service<IDbContextFactory<ApplicationDbContext>>(),
            new MailKitTransport(Options.Create(smtp)),
            app.Service<IBackgroundJobClient>(),
            app.Service<TimeProvider>(),
            app.Service<IOptions<NotificationOptions>>(),
            app.Service<ILogger<NotificationDelivery>>());
    }

    private async Task<NotificationLog> RowAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Token);
    }

    private async Task AssertTheSiteStillAnswersAsync()
    {
        using var client = app.Factory.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
