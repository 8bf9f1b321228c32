using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Accounts;

/// <summary>A payout address a user saved for a pool, validated with the same address code the stratum uses.</summary>
public sealed class Wallet
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string PoolId { get; set; }

    public required string Address { get; set; }

    public string? Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        builder.ToTable("Wallets");
        builder.Property(w => w.UserId).HasMaxLength(450);
        builder.Property(w => w.PoolId).HasMaxLength(32);
        builder.Property(w => w.Address).HasMaxLength(128);
        builder.Property(w => w.Label).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.UserId, w.PoolId, w.Address }).IsUnique();
        builder.HasIndex(w => new { w.PoolId, w.Address });
    }
}
