using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Pools;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Components.Pages.Wallets;

/// <summary>The outcome of a wallet change: done, or the sentence to show the user.</summary>
public sealed record WalletResult(Wallet? Wallet, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// A user's saved payout addresses. Addresses are checked with the stratum's own parser for the pool's coin network, so
/// an address saved here is one the pool can pay; the parser's reason is shown as it is.
/// </summary>
public sealed class WalletBook(IDbContextFactory<ApplicationDbContext> dbFactory, PoolDirectory pools, TimeProvider clock)
{
    public const int MaxLabelLength = 64;

    public async Task<List<Wallet>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Wallets.AsNoTracking().Where(w => w.UserId == userId)
            .OrderBy(w => w.PoolId).ThenBy(w => w.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Why <paramref name="address"/> cannot be saved for <paramref name="poolId"/>; null when it can.</summary>
    public string? Validate(string? poolId, string? address)
    {
        if (pools.Find(poolId) is not { } pool)
        {
            return "choose a pool";
        }

        return AddressParser.TryParse(pool.Network, address, out _, out var error) ? null : error;
    }

    public async Task<WalletResult> AddAsync(string userId, string? poolId, string? address, string? label, CancellationToken cancellationToken = default)
    {
        if (Validate(poolId, address) is { } error)
        {
            return new WalletResult(null, error);
        }

        var pool = pools.Find(poolId)!;
        var clean = address!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Wallets.AnyAsync(w => w.UserId == userId && w.PoolId == pool.Id && w.Address == clean, cancellationToken))
        {
            return new WalletResult(null, "this address is already saved for this pool");
        }

        var wallet = new Wallet
        {
            UserId = userId,
            PoolId = pool.Id,
            Address = clean,
            Label = CleanLabel(label),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Wallets.Add(wallet);
        await db.SaveChangesAsync(cancellationToken);
        return new WalletResult(wallet, null);
    }

    public async Task<bool> RelabelAsync(string userId, long walletId, string? label, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wallet = await db.Wallets.FirstOrDefaultAsync(w => w.Id == walletId && w.UserId == userId, cancellationToken);
        if (wallet is null)
        {
            return false;
        }

        wallet.Label = CleanLabel(label);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the wallet (and, by cascade, its alert overrides). Only the owner's wallet is touched.</summary>
    public async Task<bool> RemoveAsync(string userId, long walletId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Wallets.Where(w => w.Id == walletId && w.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static string? CleanLabel(string? label)
    {
        var trimmed = label?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxLabelLength ? trimmed[..MaxLabelLength] : trimmed;
    }
}
