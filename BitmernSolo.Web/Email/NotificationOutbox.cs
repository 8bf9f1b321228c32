using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Email;

/// <summary>
/// Where every e-mail starts: a row in the notification log (the state of record, unique by deduplication key), then a
/// Hangfire job that delivers it. If the in-memory queue is lost, <see cref="NotificationSweepJob"/> finds the row again.
/// </summary>
public sealed partial class NotificationOutbox(
    IDbContextFactory<ApplicationDbContext> contexts,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<SmtpOptions> smtp,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>False without <c>Smtp:Host</c>: alerts are then not recorded at all, so no backlog builds up to flood out later.</summary>
    public bool IsEnabled => smtp.Value.IsConfigured;

    /// <summary>Records and enqueues <paramref name="email"/>; false when this key was used before (nothing is sent twice).</summary>
    public async Task<bool> QueueAsync(string kind, string deduplicationKey, OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!IsEnabled)
        {
            LogNotConfigured(logger, kind, email.To);
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Notifications.AnyAsync(n => n.DeduplicationKey == deduplicationKey, cancellationToken))
        {
            return false;
        }

        var row = new NotificationLog
        {
            Kind = kind,
            Recipient = email.To,
            Subject = email.Subject,
            DeduplicationKey = deduplicationKey,
            Status = NotificationStatus.Queued,
            CreatedAt = clock.GetUtcNow(),
            HtmlBody = email.HtmlBody,
            TextBody = email.TextBody,
        };
        db.Notifications.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another run writing the same notice: the unique index did its job.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (await check.Notifications.AnyAsync(n => n.DeduplicationKey == deduplicationKey, cancellationToken))
            {
                return false;
            }

            throw;
        }

        var id = row.Id;
        jobs.Enqueue<NotificationDelivery>(delivery => delivery.DeliverAsync(id, CancellationToken.None));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No mail server configured; {Kind} notice to {Recipient} not recorded")]
    private static partial void LogNotConfigured(ILogger logger, string kind, string recipient);
}
