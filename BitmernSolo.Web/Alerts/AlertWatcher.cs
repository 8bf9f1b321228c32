using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Alerts;

/// <summary>A user who saved an address, with the preference that applies to it (wallet's own, else global, else defaults).</summary>
public sealed record AlertWatcher(string UserId, string Email, long WalletId, string PoolId, string Address, string? Label, AlertPreference Preference)
{
    /// <summary>When the address was saved: a sweep that finds an old event tells only those who watched it then.</summary>
    public DateTimeOffset WalletCreatedAt { get; init; }

    /// <summary>
    /// Whether the address was saved by <paramref name="foundAt"/>, the time its block was found. A block is news, found and
    /// matured, only to whoever watched the address when it was mined: the block-found job, its sweep and the payout sweep all
    /// ask this of the block's time, so a wallet saved between a block and its maturity hears of neither, and one saved today
    /// does not hear about this morning's block (which may even predate the account).
    /// </summary>
    public bool SavedBy(DateTimeOffset foundAt) => WalletCreatedAt <= foundAt;

    /// <summary>Loads the watchers of every saved wallet, or of one pool's address.</summary>
    public static Task<List<AlertWatcher>> LoadAsync(
        ApplicationDbContext db, string? poolId, string? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wallets = db.Wallets.AsNoTracking();
        if (poolId is not null)
        {
            wallets = wallets.Where(w => w.PoolId == poolId);
        }

        if (address is not null)
        {
            wallets = wallets.Where(w => w.Address == address);
        }

        return LoadAsync(db, wallets, cancellationToken);
    }

    /// <summary>Loads the watchers of these addresses, in any pool (callers match the pool).</summary>
    public static Task<List<AlertWatcher>> LoadAsync(ApplicationDbContext db, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db, db.Wallets.AsNoTracking().Where(w => addresses.Contains(w.Address)), cancellationToken);
    }

    private static async Task<List<AlertWatcher>> LoadAsync(ApplicationDbContext db, IQueryable<Wallet> wallets, CancellationToken cancellationToken)
    {
        var rows = await (
            from wallet in wallets
            join user in db.Users on wallet.UserId equals user.Id
            where user.Email != null
            select new { Wallet = wallet, Email = user.Email! }).ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.Wallet.UserId).Distinct().ToList();
        var preferences = await db.AlertPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new AlertWatcher(
                r.Wallet.UserId, r.Email, r.Wallet.Id, r.Wallet.PoolId, r.Wallet.Address, r.Wallet.Label,
                Resolve(preferences, r.Wallet))
            {
                WalletCreatedAt = r.Wallet.CreatedAt,
            })
            .ToList();
    }

    /// <summary>No saved preference means the defaults of <see cref="AlertPreference"/>: a new user hears about their workers.</summary>
    private static AlertPreference Resolve(List<AlertPreference> preferences, Wallet wallet) =>
        preferences.FirstOrDefault(p => p.UserId == wallet.UserId && p.WalletId == wallet.Id)
        ?? preferences.FirstOrDefault(p => p.UserId == wallet.UserId && p.WalletId == null)
        ?? new AlertPreference { UserId = wallet.UserId };
}
