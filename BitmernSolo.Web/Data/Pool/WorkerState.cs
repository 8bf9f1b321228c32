using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
    }
}
