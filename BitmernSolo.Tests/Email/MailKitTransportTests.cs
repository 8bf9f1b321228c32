using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Email;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Email;

/// <summary>A plain SMTP server of our own, no web host: what each TLS mode does against it.</summary>
public sealed class PlainSmtpFixture : IDisposable
{
    public PlainSmtpFixture()
    {
        if (SmtpSink.UnavailableReason is null)
        {
            Smtp.Start();
        }
    }

    public SmtpSink Smtp { get; } = new();

    public void Dispose() => Smtp.Dispose();
}

public sealed class MailKitTransportTests(PlainSmtpFixture server) : IClassFixture<PlainSmtpFixture>
{
    [Fact]
    public async Task InModeNoneTheMessageArrivesWithBothBodiesFromTheConfiguredSender()
    {
        SkipWithoutServer();
        var to = $"plain-{Guid.NewGuid():N}@example.test";

        await Transport(SmtpTlsMode.None).SendAsync(new OutgoingEmail(to, "Plain hello", "<p>Hi <b>there</b></p>", "Hi there"), TestContext.Current.CancellationToken);

        var message = await server.Smtp.WaitForAsync(to, "Plain hello");
        Assert.Equal("pool@example.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Hi there", message.TextBody?.Trim());
        Assert.Contains("<b>there</b>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpTlsMode.StartTls)]
    [InlineData(SmtpTlsMode.Ssl)]
    public async Task ATlsModeRefusesAServerWithoutTlsInsteadOfFallingBackToPlainText(SmtpTlsMode mode)
    {
        SkipWithoutServer();
        var to = $"tls-{Guid.NewGuid():N}@example.test";

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Transport(mode).SendAsync(new OutgoingEmail(to, "Must not arrive", "<p>x</p>", "x"), TestContext.Current.CancellationToken));

        Assert.Empty(server.Smtp.MessagesTo(to));
    }

    private MailKitTransport Transport(SmtpTlsMode mode) => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = server.Smtp.Port,
        From = "BitmernSolo <pool@example.test>",
        Tls = mode,
    }));

    private static void SkipWithoutServer()
    {
        if (SmtpSink.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
