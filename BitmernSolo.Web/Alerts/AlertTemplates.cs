using BitmernSolo.Web.Formatting;
using System.Globalization;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;

namespace BitmernSolo.Web.Alerts;

/// <summary>The alert e-mails. Each names the pool and address, states the facts, and links to the alert preferences.</summary>
public sealed class AlertTemplates(PoolCatalog pools)
{
    public OutgoingEmail WorkerOffline(AlertWatcher watcher, WorkerState worker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(worker);
        var name = WorkerName(worker.Worker);
        var silent = worker.LastShareAt is { } last ? now - last : TimeSpan.Zero;
        return Render(watcher, $"Worker {name} is offline", new EmailContent(
            $"Worker {name} is offline",
            [$"No share from {name} on {pools.DisplayName(worker.PoolId)} for {Minutes(silent)}. You will get one more e-mail when it is back."])
        {
            Facts = [.. Where(watcher), ("Worker", name), ("Last share", Time(worker.LastShareAt))],
        });
    }

    public OutgoingEmail WorkerBackOnline(AlertWatcher watcher, WorkerState worker, DateTimeOffset offlineSince)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(worker);
        var name = WorkerName(worker.Worker);
        var outage = worker.LastShareAt is { } last ? last - offlineSince : TimeSpan.Zero;
        return Render(watcher, $"Worker {name} is back online", new EmailContent(
            $"Worker {name} is back online",
            [$"{name} on {pools.DisplayName(worker.PoolId)} is submitting shares again after {Minutes(outage)} without."])
        {
            Facts = [.. Where(watcher), ("Worker", name), ("Silent since", Time(offlineSince)), ("Back at", Time(worker.LastShareAt))],
        });
    }

    public OutgoingEmail BlockFound(AlertWatcher watcher, string poolId, long height, string hash, string? worker)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        return Render(watcher, $"Block {Number(height)} found!", new EmailContent(
            $"You found block {Number(height)}",
            [$"Your miner found a block on {pools.DisplayName(poolId)}. The reward is yours once the block matures; you will be told then."])
        {
            Facts = [.. Where(watcher), ("Worker", WorkerName(worker)), ("Height", Number(height)), ("Hash", hash)],
        });
    }

    public OutgoingEmail PayoutMatured(AlertWatcher watcher, Payment payment)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(payment);
        var amount = pools.FormatAmount(payment.PoolId, payment.Amount);
        return Render(watcher, $"{amount} matured", new EmailContent(
            $"Your block reward has matured: {amount}",
            [$"Block {Number(payment.BlockHeight)} on {pools.DisplayName(payment.PoolId)} is buried deep enough; its coinbase reward is spendable."])
        {
            Facts =
            [
                .. Where(watcher), ("Amount", amount), ("Block", Number(payment.BlockHeight)), ("Block hash", payment.BlockHash),
                ("Transaction", payment.TransactionId),
            ],
        });
    }

    public OutgoingEmail DailySummary(string email, IReadOnlyList<WalletSummary> wallets, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(wallets);
        var facts = new List<(string, string)>();
        foreach (var wallet in wallets)
        {
            var label = wallet.Label is null ? wallet.Address : $"{wallet.Label} ({wallet.Address})";
            facts.Add(($"{pools.DisplayName(wallet.PoolId)}", label));
            facts.Add(("  Average hashrate", HashrateText.Format(wallet.AverageHashrate)));
            facts.Add(("  Best share", wallet.BestShare.ToString("0.##", CultureInfo.InvariantCulture)));
            facts.Add(("  Blocks found", Number(wallet.Blocks)));
            facts.Add(("  Matured rewards", pools.FormatAmount(wallet.PoolId, wallet.Earnings)));
        }

        var content = new EmailContent(
            "Your last 24 hours",
            [$"From {Time(from)} to {Time(to)}."])
        {
            Facts = facts,
            Action = ("Open the pool", pools.SiteUrl),
            PreferencesUrl = pools.PreferencesUrl,
            PoolName = pools.SiteName,
        };
        return content.Render(email, $"{pools.SiteName}: daily summary");
    }

    private OutgoingEmail Render(AlertWatcher watcher, string subject, EmailContent content) =>
        (content with { PreferencesUrl = pools.PreferencesUrl, PoolName = pools.SiteName })
            .Render(watcher.Email, $"{pools.SiteName}: {subject}");

    private (string, string)[] Where(AlertWatcher watcher) =>
        [("Pool", pools.DisplayName(watcher.PoolId)), ("Address", watcher.Label is null ? watcher.Address : $"{watcher.Label} ({watcher.Address})")];

    private static string WorkerName(string? worker) => string.IsNullOrEmpty(worker) ? "(default)" : worker;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) =>
        ((long)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture) + " minutes";

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}

/// <summary>One wallet's day, for the daily summary.</summary>
public sealed record WalletSummary(string PoolId, string Address, string? Label, double AverageHashrate, double BestShare, long Blocks, long Earnings);
