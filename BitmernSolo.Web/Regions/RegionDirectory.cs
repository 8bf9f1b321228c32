using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Regions;

/// <summary>
/// The instances and regions as the heartbeat table shows them, with this instance always present from its own options
/// (so a lone instance, or one whose heartbeat has not been written yet, still lists itself and pages look as they would
/// without regions). An instance is up while its last heartbeat is younger than <see cref="RegionOptions.DownAfter"/>.
/// </summary>
public sealed class RegionDirectory(
    InstanceIdentity self,
    IDbContextFactory<ApplicationDbContext> contexts,
    IOptions<RegionOptions> options,
    TimeProvider time)
{
    /// <summary>The region this instance serves (empty when unnamed).</summary>
    public string ServedRegion => self.Region;

    /// <summary>Every instance that ever reported (down ones too), this one first, then by region and id.</summary>
    public async Task<IReadOnlyList<RegionInstance>> GetInstancesAsync(CancellationToken cancellationToken)
    {
        List<RegionHeartbeat> rows;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            rows = await db.RegionHeartbeats.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var upSince = time.GetUtcNow() - options.Value.DownAfter;
        var own = rows.FirstOrDefault(r => r.InstanceId == self.InstanceId);
        var instances = rows.Where(r => r != own)
            .Select(r => new RegionInstance(
                r.InstanceId, r.Region, r.StratumHost, r.PublicUrl, r.InstancePrefix, r.Version, r.StartedAt, r.LastSeenAt,
                Up: r.LastSeenAt >= upSince, IsSelf: false, PrefixCollision: false, RegionPoolState.Deserialize(r.PoolsJson)))
            .Prepend(new RegionInstance(
                self.InstanceId, self.Region, self.StratumHost, self.PublicUrl, self.InstancePrefix, InstanceIdentity.Version,
                self.StartedAt, own?.LastSeenAt, Up: true, IsSelf: true, PrefixCollision: false, RegionPoolState.Deserialize(own?.PoolsJson)))
            .ToList();

        // Two live instances with one prefix can hand out the same extranonce1; a down one holds nothing.
        var taken = instances.Where(i => i.Up).GroupBy(i => i.InstancePrefix).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return [.. instances
            .Select(i => i.Up && taken.Contains(i.InstancePrefix) ? i with { PrefixCollision = true } : i)
            .OrderByDescending(i => i.IsSelf)
            .ThenBy(i => i.Region, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.InstanceId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes the heartbeat row of <paramref name="instanceId"/> if it is down (an instance shut down for good would
    /// otherwise be listed as down forever); a live instance, this one included, keeps its row. Should the instance start
    /// again it writes a new row.
    /// </summary>
    public async Task<ForgetOutcome> ForgetAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (instanceId == self.InstanceId)
        {
            return ForgetOutcome.Live;
        }

        var upSince = time.GetUtcNow() - options.Value.DownAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Down is checked in the delete itself: an instance that beat a moment ago keeps its row.
        var deleted = await db.RegionHeartbeats.Where(h => h.InstanceId == instanceId && h.LastSeenAt < upSince)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            return ForgetOutcome.Forgotten;
        }

        return await db.RegionHeartbeats.AnyAsync(h => h.InstanceId == instanceId, cancellationToken).ConfigureAwait(false)
            ? ForgetOutcome.Live
            : ForgetOutcome.Unknown;
    }

    /// <summary>The regions with a live instance, grouped by name (case-insensitive); the served one first, the rest by name.</summary>
    public async Task<RegionList> GetRegionsAsync(CancellationToken cancellationToken)
    {
        var instances = await GetInstancesAsync(cancellationToken).ConfigureAwait(false);
        var regions = instances.Where(i => i.Up)
            .GroupBy(i => i.Region, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                // The served region's host is ours; elsewhere the most recently seen instance's.
                var lead = g.FirstOrDefault(i => i.IsSelf) ?? g.OrderByDescending(i => i.LastSeenAt).First();
                return new MiningRegion(lead.Region, lead.StratumHost, lead.PublicUrl, g.Any(i => i.IsSelf), [.. g]);
            })
            .OrderByDescending(r => r.Served)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new RegionList(regions);
    }

    /// <summary>
    /// Every region name any instance ever reported (records of a region outlive its instances), this one's included.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetKnownRegionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var names = await db.RegionHeartbeats.AsNoTracking().Select(h => h.Region).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. names.Append(self.Region)
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The known region spelled <paramref name="name"/> (any case), as stored; null when no instance ever had it.</summary>
    public async Task<string?> FindKnownRegionAsync(string name, CancellationToken cancellationToken)
    {
        var known = await GetKnownRegionsAsync(cancellationToken).ConfigureAwait(false);
        return known.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>What <see cref="RegionDirectory.ForgetAsync"/> did.</summary>
public enum ForgetOutcome
{
    /// <summary>The down instance's row is deleted.</summary>
    Forgotten,

    /// <summary>Nothing deleted: the instance beat within <see cref="RegionOptions.DownAfter"/> (or it is this one).</summary>
    Live,

    /// <summary>Nothing deleted: no row had that instance id (already forgotten).</summary>
    Unknown,
}
