using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Email;

/// <summary>
/// Every minute: re-enqueues e-mails that are due but that no Hangfire job is carrying any more (a restart emptied the
/// in-memory queue, or a scheduled retry was lost). The delivery's claim makes a duplicate enqueue harmless.
/// </summary>
public sealed class NotificationSweepJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<NotificationOptions> options) : IRecurringPoolJob
{
    public string Id => "notification-sweep";

    public string Schedule => Cron.Minutely();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var neverTriedBefore = now - TimeSpan.FromMinutes(settings.SweepAfterMinutes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Notifications
            .Where(n => n.Status != NotificationStatus.Sent && n.Attempts < settings.MaxAttempts)
            .Where(n => n.NextAttemptAt == null ? n.CreatedAt <= neverTriedBefore : n.NextAttemptAt <= now)
            .OrderBy(n => n.Id)
            .Select(n => n.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            jobs.Enqueue<NotificationDelivery>(delivery => delivery.DeliverAsync(id, CancellationToken.None));
        }
    }
}
