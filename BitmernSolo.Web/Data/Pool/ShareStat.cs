using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>
/// One worker's shares in one time bucket (a minute when written; rolled up to hours after a configurable age).
/// Hashrate over a window = Σ difficulty (at share multiplier 1 for SHA-256d, 65536 for scrypt: see the coin) × 2^32 / seconds.
/// </summary>
public sealed class ShareStat
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public required string Address { get; set; }

    /// <summary>Worker name; empty for a bare address login.</summary>
    public required string Worker { get; set; }

    public string? Region { get; set; }

    /// <summary>Start of the bucket, UTC, truncated to the minute (or hour once rolled up).</summary>
    public DateTimeOffset BucketStart { get; set; }

    /// <summary>Bucket length in seconds: 60 or 3600.</summary>
    public int BucketSeconds { get; set; } = 60;

    public long Accepted { get; set; }

    /// <summary>Sum of the assigned difficulty of accepted shares: the unit of work for hashrate.</summary>
    public double DifficultySum { get; set; }

    public long RejectedStale { get; set; }

    public long RejectedDuplicate { get; set; }

    public long RejectedLowDifficulty { get; set; }

    public long RejectedOther { get; set; }

    /// <summary>Best achieved share difficulty within the bucket.</summary>
    public double BestShare { get; set; }
}

internal sealed class ShareStatConfiguration : IEntityTypeConfiguration<ShareStat>
{
    public void Configure(EntityTypeBuilder<ShareStat> builder)
    {
        builder.ToTable("ShareStats");
        builder.Property(s => s.PoolId).HasMaxLength(32);
        builder.Property(s => s.Address).HasMaxLength(128);
        builder.Property(s => s.Worker).HasMaxLength(64);
        builder.Property(s => s.Region).HasMaxLength(64);
        builder.HasIndex(s => new { s.PoolId, s.Address, s.BucketStart });
        builder.HasIndex(s => new { s.PoolId, s.BucketStart });
    }
}
