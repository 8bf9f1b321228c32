using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Email;

/// <summary>
/// The Hangfire job that sends one logged e-mail. Attempts and back-off live in the row, not in Hangfire, so they
/// survive a restart; a claim (moving <see cref="NotificationLog.NextAttemptAt"/> forward) keeps two runs from sending twice.
/// </summary>
public sealed partial class NotificationDelivery(
    IDbContextFactory<ApplicationDbContext> contexts,
    IMailTransport transport,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDelivery> logger)
{
    /// <summary>Longer than a send can take (MailKit times out after 30 s), so a claim outlives its attempt.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <remarks>
    /// A mail-server failure is recorded and rescheduled here (our attempts and back-off); Hangfire's own retries only cover
    /// the job failing outright (database busy), which the claim makes safe to repeat.
    /// </remarks>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task DeliverAsync(long notificationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseEnd = now + Lease;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Notifications
            .Where(n => n.Id == notificationId && n.Status != NotificationStatus.Sent && (n.NextAttemptAt == null || n.NextAttemptAt <= now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.NextAttemptAt, leaseEnd)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return; // sent already, or another run holds it, or its back-off has not elapsed
        }

        var row = await db.Notifications.SingleAsync(n => n.Id == notificationId, cancellationToken);
        try
        {
            if (row.HtmlBody is null || row.TextBody is null)
            {
                throw new InvalidOperationException("The notice has no body to send.");
            }

            await transport.SendAsync(new OutgoingEmail(row.Recipient, row.Subject, row.HtmlBody, row.TextBody), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await RecordFailureAsync(db, row, error);
            return;
        }

        row.Status = NotificationStatus.Sent;
        row.SentAt = clock.GetUtcNow();
        row.NextAttemptAt = null;
        if (NotificationKinds.CarriesSecret(row.Kind))
        {
            row.HtmlBody = null;
            row.TextBody = null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Delay before attempt <paramref name="attempts"/> + 1: the configured delay, doubled per failure, capped.</summary>
    internal static TimeSpan Backoff(int attempts, int firstDelaySeconds)
    {
        var seconds = firstDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return seconds >= MaxDelay.TotalSeconds ? MaxDelay : TimeSpan.FromSeconds(seconds);
    }

    private async Task RecordFailureAsync(ApplicationDbContext db, NotificationLog row, Exception error)
    {
        var settings = options.Value;
        var delay = Backoff(row.Attempts, settings.RetryDelaySeconds);
        var message = $"{error.GetType().Name}: {error.Message}";
        row.Status = NotificationStatus.Failed;
        row.LastError = message.Length > 2048 ? message[..2048] : message;
        row.NextAttemptAt = clock.GetUtcNow() + delay;
        await db.SaveChangesAsync(CancellationToken.None);
        LogFailed(logger, row.Id, row.Kind, row.Recipient, row.Attempts, message);

        if (row.Attempts < settings.MaxAttempts)
        {
            var id = row.Id;
            jobs.Schedule<NotificationDelivery>(delivery => delivery.DeliverAsync(id, CancellationToken.None), delay);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Id} ({Kind} to {Recipient}) failed on attempt {Attempts}: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, string kind, string recipient, int attempts, string error);
}
