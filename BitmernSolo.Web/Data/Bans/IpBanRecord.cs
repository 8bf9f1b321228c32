using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Bans;

/// <summary>
/// A stratum ban as every instance sees it: written when an admin bans or lifts and when the stratum bans an address for its
/// invalid shares, read at start-up and every few seconds into each instance's in-memory list. One row per network, as the
/// list holds one ban per network: a new ban on it replaces the old.
/// </summary>
public sealed class IpBanRecord
{
    /// <summary>The network in CIDR form, single addresses too ("192.0.2.7/32"), as <c>IPNetwork.ToString</c> writes it.</summary>
    public required string Network { get; set; }

    public string? Reason { get; set; }

    /// <summary>The admin's user name, <c>IpBan.Automatic</c> for the stratum's own bans, or null.</summary>
    public string? CreatedBy { get; set; }

    /// <summary><c>Pool:Region</c> of the instance that set it; empty for the unnamed single instance.</summary>
    public required string Region { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null: until lifted.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

internal sealed class IpBanRecordConfiguration : IEntityTypeConfiguration<IpBanRecord>
{
    public void Configure(EntityTypeBuilder<IpBanRecord> builder)
    {
        builder.ToTable("Bans");
        builder.HasKey(b => b.Network);
        builder.Property(b => b.Network).HasMaxLength(64);
        builder.Property(b => b.Reason).HasMaxLength(256);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.Region).HasMaxLength(64);
        builder.HasIndex(b => b.ExpiresAt);
    }
}
