using BitmernSolo.Web.Data;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Every minute: each recent payment (a matured block reward, written by the block lifecycle job) is announced once to
/// each owner of its address (key <c>payout:{pool}:{blockhash}:{user}</c>). A sweep rather than a call from the lifecycle job,
/// so a payment recorded while mail or this process was down is still announced. Only addresses saved before its block was
/// found are told, as for the block-found notice (<see cref="AlertWatcher.SavedBy"/>): whoever heard of the block hears
/// of its reward, and nobody hears of a reward whose block they were not told of.
/// </summary>
public sealed class PayoutNoticeJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    NotificationOutbox outbox,
    AlertTemplates templates,
    TimeProvider clock) : IRecurringPoolJob
{
    /// <summary>Older payments are history, not news.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(3);

    public string Id => "payout-notices";

    public string Schedule => Cron.Minutely();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!outbox.IsEnabled)
        {
            return;
        }

        var since = clock.GetUtcNow() - Lookback;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payments = await (
            from payment in db.Payments.AsNoTracking()
            where payment.CreatedAt >= since
            join block in db.Blocks on new { payment.PoolId, Hash = payment.BlockHash } equals new { block.PoolId, block.Hash } into blocks
            from block in blocks.DefaultIfEmpty()
            orderby payment.Id
            select new { Payment = payment, FoundAt = (DateTimeOffset?)block!.FoundAt }).ToListAsync(cancellationToken);
        if (payments.Count == 0)
        {
            return;
        }

        var addresses = payments.Select(p => p.Payment.Address).Distinct().ToList();
        var watchers = (await AlertWatcher.LoadAsync(db, addresses, cancellationToken)).ToLookup(w => (w.PoolId, w.Address));
        foreach (var row in payments)
        {
            // Every payment is written from its block's row; one without (none today) is judged by its own, later, time.
            var payment = row.Payment;
            var told = watchers[(payment.PoolId, payment.Address)]
                .Where(w => w.Preference.PayoutMatured && w.SavedBy(row.FoundAt ?? payment.CreatedAt));
            foreach (var watcher in told)
            {
                await outbox.QueueAsync(
                    NotificationKinds.PayoutMatured,
                    DeduplicationKey.Create(NotificationKinds.PayoutMatured, payment.PoolId, payment.BlockHash, watcher.UserId),
                    templates.PayoutMatured(watcher, payment), cancellationToken);
            }
        }
    }
}
