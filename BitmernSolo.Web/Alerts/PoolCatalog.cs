using System.Globalization;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Pools;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Alerts;

/// <summary>
/// What alerts need to know of a pool (from the <see cref="PoolDirectory"/>): its name, coin symbol and share multiplier,
/// with the pool id standing in for one no longer configured; and the site's links.
/// </summary>
public sealed class PoolCatalog(PoolDirectory pools, IOptions<PoolOptions> site)
{
    public string SiteName => site.Value.Name;

    public string SiteUrl => site.Value.ResolvePublicUrl();

    /// <summary>The alert preferences page; every alert links to it.</summary>
    public string PreferencesUrl => SiteUrl + EmailContent.PreferencesPath;

    public string DisplayName(string poolId) => pools.Find(poolId)?.DisplayName ?? poolId;

    public string Symbol(string poolId) => pools.Find(poolId)?.Symbol ?? poolId.ToUpperInvariant();

    /// <summary>Scrypt coins count shares at 2^16 times SHA-256d's unit.</summary>
    public double ShareMultiplier(string poolId) => pools.Find(poolId)?.ShareMultiplier ?? 1;

    /// <summary>Smallest units (8 decimals on every registered coin) as coins with symbol, e.g. <c>3.12500000 LTC</c>.</summary>
    public string FormatAmount(string poolId, long amount) =>
        (amount / 100_000_000m).ToString("0.00000000", CultureInfo.InvariantCulture) + " " + Symbol(poolId);
}
