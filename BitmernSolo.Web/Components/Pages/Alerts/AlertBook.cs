using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Components.Pages.Alerts;

/// <summary>
/// A user's alert preferences: one global row (WalletId null) and optional per-wallet overrides. Without a global row the
/// entity's defaults apply (offline after 10 minutes, back online, block found, payout matured; no daily summary).
/// </summary>
public sealed class AlertBook(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const int MinOfflineMinutes = 1;
    public const int MaxOfflineMinutes = 7 * 24 * 60;

    /// <summary>The stored preference for the scope, or null (global: defaults apply; wallet: global applies).</summary>
    public async Task<AlertPreference?> FindAsync(string userId, long? walletId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlertPreferences.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.WalletId == walletId, cancellationToken);
    }

    /// <summary>What applies to a wallet: its override, else the global row, else defaults.</summary>
    public async Task<AlertPreference> EffectiveAsync(string userId, long? walletId, CancellationToken cancellationToken = default)
    {
        if (walletId is not null && await FindAsync(userId, walletId, cancellationToken) is { } own)
        {
            return own;
        }

        return await FindAsync(userId, null, cancellationToken) ?? new AlertPreference { UserId = userId };
    }

    public static string? Validate(AlertPreference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        return preference.WorkerOfflineMinutes is { } minutes and (< MinOfflineMinutes or > MaxOfflineMinutes)
            ? $"offline alerts need between {MinOfflineMinutes} and {MaxOfflineMinutes} minutes"
            : null;
    }

    /// <summary>Saves the preference for its scope; a wallet scope must be the user's own wallet. Returns the error, or null.</summary>
    public async Task<string?> SaveAsync(AlertPreference preference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preference);
        if (Validate(preference) is { } error)
        {
            return error;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (preference.WalletId is { } walletId
            && !await db.Wallets.AnyAsync(w => w.Id == walletId && w.UserId == preference.UserId, cancellationToken))
        {
            return "that wallet is not yours";
        }

        var row = await db.AlertPreferences.FirstOrDefaultAsync(
            a => a.UserId == preference.UserId && a.WalletId == preference.WalletId, cancellationToken);
        if (row is null)
        {
            row = new AlertPreference { UserId = preference.UserId, WalletId = preference.WalletId };
            db.AlertPreferences.Add(row);
        }

        row.WorkerOfflineMinutes = preference.WorkerOfflineMinutes;
        row.WorkerBackOnline = preference.WorkerBackOnline;
        row.BlockFound = preference.BlockFound;
        row.PayoutMatured = preference.PayoutMatured;
        row.DailySummary = preference.DailySummary;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Drops a wallet's override so the global preference applies again.</summary>
    public async Task ClearOverrideAsync(string userId, long walletId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AlertPreferences.Where(a => a.UserId == userId && a.WalletId == walletId).ExecuteDeleteAsync(cancellationToken);
    }
}
