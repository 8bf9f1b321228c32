using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>
/// The lasting state of one address.worker: the difficulty to restore on reconnect (also across restarts),
/// best shares, last share time and whether it is online (for offline/back-online alerts).
/// </summary>
public sealed class WorkerState
{
    public required string PoolId { get; set; }

    public required string Address { get; set; }

    public required string Worker { get; set; }

    public double LastDifficulty { get; set; }

    public DateTimeOffset? LastShareAt { get; set; }

    public double BestShareEver { get; set; }

    /// <summary>Best share since the pool's last found block (reset when one is found).</summary>
    public double BestShareSinceBlock { get; set; }

    public string? Region { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>True while the worker is considered online; flipped by the offline check, which alerts once per outage.</summary>
    public bool Online { get; set; }

    public DateTimeOffset? OfflineSince { get; set; }

    /// <summary>
    /// Advanced by every write of the row, and every tracked write is conditional on the value read (a concurrency token).
    /// Several instances (regions) flush the same worker at the same moment, and the flush writes maxima of what it read
    /// (<see cref="LastShareAt"/>, the best shares): a flush whose row changed since it read gets a conflict, reads the row
    /// again and takes its maxima over what the other wrote, instead of writing over it.
    /// </summary>
    /// <remarks>
    /// Tracked saves advance it in <see cref="ApplicationDbContext"/>'s <c>SaveChanges</c> (see <see cref="AdvanceVersions"/>);
    /// set-based updates (<c>ExecuteUpdate</c>) advance it with <see cref="WorkerStateUpdates.AdvancingVersion"/>.
    /// </remarks>
    public int Version { get; set; }

    /// <summary>
    /// Sets each changed row's <see cref="Version"/> to the one read plus one (not the current one plus one: a save retried
    /// after a failure writes the same version again, and versions in the database only ever grow). Detects changes first
    /// (<see cref="ChangeTracker.Entries{TEntity}"/> does, unless automatic detection is off).
    /// </summary>
    internal static void AdvanceVersions(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<WorkerState>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(w => w.Version);
                version.CurrentValue = unchecked(version.OriginalValue + 1);
            }
        }
    }
}

/// <summary>The rule of <see cref="WorkerState.Version"/> for set-based updates, in one place.</summary>
internal static class WorkerStateUpdates
{
    /// <summary>Adds <c>Version = Version + 1</c> to an <c>ExecuteUpdate</c> of <c>Workers</c> rows.</summary>
    public static UpdateSettersBuilder<WorkerState> AdvancingVersion(this UpdateSettersBuilder<WorkerState> set) =>
        set.SetProperty(w => w.Version, w => w.Version + 1);
}

internal sealed class WorkerStateConfiguration : IEntityTypeConfiguration<WorkerState>
{
    public void Configure(EntityTypeBuilder<WorkerState> builder)
    {
        builder.ToTable("Workers");
        builder.HasKey(w => new { w.PoolId, w.Address, w.Worker });
        builder.Property(w => w.PoolId).HasMaxLength(32);
        builder.Property(w => w.Address).HasMaxLength(128);
        builder.Property(w => w.Worker).HasMaxLength(64);
        builder.Property(w => w.Region).HasMaxLength(64);
        builder.Property(w => w.UserAgent).HasMaxLength(128);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}
