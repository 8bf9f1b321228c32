using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>
/// A matured block reward. The coinbase pays the finder directly, so the "payment" is the reward itself,
/// recorded once when its block matures (never for an orphan).
/// </summary>
public sealed class Payment
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public required string Address { get; set; }

    /// <summary>Amount in the coin's smallest unit.</summary>
    public long Amount { get; set; }

    /// <summary>Coinbase transaction id (display order); the payment's transaction.</summary>
    public required string TransactionId { get; set; }

    public long BlockHeight { get; set; }

    public required string BlockHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.PoolId).HasMaxLength(32);
        builder.Property(p => p.Address).HasMaxLength(128);
        builder.Property(p => p.TransactionId).HasMaxLength(64);
        builder.Property(p => p.BlockHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.PoolId, p.BlockHash }).IsUnique();
        builder.HasIndex(p => new { p.PoolId, p.Address, p.CreatedAt });
    }
}
