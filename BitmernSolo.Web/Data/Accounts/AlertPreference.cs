using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Accounts;

/// <summary>What a user wants to hear about: globally (<see cref="WalletId"/> null) or for one wallet, which overrides.</summary>
public sealed class AlertPreference
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public long? WalletId { get; set; }

    /// <summary>Alert when a worker has sent no share for this many minutes; null = no offline alerts.</summary>
    public int? WorkerOfflineMinutes { get; set; } = 10;

    public bool WorkerBackOnline { get; set; } = true;

    public bool BlockFound { get; set; } = true;

    public bool PayoutMatured { get; set; } = true;

    public bool DailySummary { get; set; }
}

internal sealed class AlertPreferenceConfiguration : IEntityTypeConfiguration<AlertPreference>
{
    public void Configure(EntityTypeBuilder<AlertPreference> builder)
    {
        builder.ToTable("AlertPreferences");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Wallet>().WithMany().HasForeignKey(a => a.WalletId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.WalletId }).IsUnique();
    }
}
