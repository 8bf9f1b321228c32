using BitmernSolo.Stratum.Targets;
using System.Globalization;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Once a day (00:05 UTC): to each user who asked for it, the last 24 hours of each of their wallets — average hashrate,
/// best share, blocks found, matured rewards. One per user per day (key <c>daily-summary:{user}:{date}</c>).
/// </summary>
public sealed class DailySummaryJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    NotificationOutbox outbox,
    AlertTemplates templates,
    PoolCatalog pools,
    TimeProvider clock) : IRecurringPoolJob
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public string Id => "daily-summary";

    public string Schedule => Cron.Daily(0, 5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!outbox.IsEnabled)
        {
            return;
        }

        var to = clock.GetUtcNow();
        var from = to - Window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var watchers = await AlertWatcher.LoadAsync(db, null, null, cancellationToken);
        foreach (var user in watchers.Where(w => w.Preference.DailySummary).GroupBy(w => w.UserId))
        {
            var wallets = new List<WalletSummary>();
            foreach (var wallet in user)
            {
                wallets.Add(await SummarizeAsync(db, wallet, from, to, cancellationToken));
            }

            var day = to.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await outbox.QueueAsync(
                NotificationKinds.DailySummary, DeduplicationKey.Create(NotificationKinds.DailySummary, user.Key, day),
                templates.DailySummary(user.First().Email, wallets, from, to), cancellationToken);
        }
    }

    private async Task<WalletSummary> SummarizeAsync(
        ApplicationDbContext db, AlertWatcher wallet, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var shares = await db.ShareStats.AsNoTracking()
            .Where(s => s.PoolId == wallet.PoolId && s.Address == wallet.Address && s.BucketStart >= from && s.BucketStart < to)
            .Select(s => new { s.DifficultySum, s.BestShare })
            .ToListAsync(cancellationToken);
        var blocks = await db.Blocks.CountAsync(
            b => b.PoolId == wallet.PoolId && b.MinerAddress == wallet.Address && b.FoundAt >= from && b.FoundAt < to
                && b.Status != BlockStatus.Rejected, cancellationToken);
        var earnings = await db.Payments.AsNoTracking()
            .Where(p => p.PoolId == wallet.PoolId && p.Address == wallet.Address && p.CreatedAt >= from && p.CreatedAt < to)
            .Select(p => p.Amount)
            .ToListAsync(cancellationToken);

        // Difficulty 1 is 2^32 hashes at share multiplier 1; a scrypt share of the same difficulty is 2^16 times less work.
        var hashrate = HashrateMath.FromDifficultySum(
            shares.Sum(s => s.DifficultySum), Window.TotalSeconds, (uint)pools.ShareMultiplier(wallet.PoolId));
        return new WalletSummary(
            wallet.PoolId, wallet.Address, wallet.Label, hashrate, shares.Count == 0 ? 0 : shares.Max(s => s.BestShare), blocks, earnings.Sum());
    }
}
