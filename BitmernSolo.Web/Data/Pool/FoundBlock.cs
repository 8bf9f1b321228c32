using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>Where a found block stands in its life: submitted, then in the chain and maturing, then mature or orphaned.</summary>
public enum BlockStatus
{
    /// <summary>Submitted; in the chain (or being checked) but not yet mature.</summary>
    Pending = 0,

    /// <summary>Buried under the coin's coinbase maturity: the reward is spendable.</summary>
    Confirmed = 1,

    /// <summary>Another block took its height.</summary>
    Orphaned = 2,

    /// <summary>Every daemon refused it at submission.</summary>
    Rejected = 3,
}

/// <summary>
/// A block found through the pool. Recorded whatever the daemons said (with their answer), so a rejection is
/// never silent; the block lifecycle job moves it from pending to confirmed or orphaned.
/// </summary>
public sealed class FoundBlock
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public long Height { get; set; }

    /// <summary>Block hash in display (RPC) order.</summary>
    public required string Hash { get; set; }

    public required string MinerAddress { get; set; }

    public string? Worker { get; set; }

    /// <summary>The finder's coinbase output in the coin's smallest unit (satoshis).</summary>
    public long Reward { get; set; }

    /// <summary>Coinbase transaction id (display order), for the payment record.</summary>
    public string? CoinbaseTxid { get; set; }

    /// <summary>The share's achieved difficulty in stratum units (as best shares are kept).</summary>
    public double ShareDifficulty { get; set; }

    /// <summary>The network difficulty at the time in the daemon's units (as <see cref="NetworkStat.NetworkDifficulty"/>).</summary>
    public double NetworkDifficulty { get; set; }

    public BlockStatus Status { get; set; }

    public int Confirmations { get; set; }

    /// <summary>Confirmations needed for maturity, from the coin's rule at this height.</summary>
    public int ConfirmationsRequired { get; set; }

    /// <summary>What the daemons answered to submitblock (null = accepted), joined when several.</summary>
    public string? DaemonAnswer { get; set; }

    /// <summary>The region (instance) whose stratum found it.</summary>
    public string? Region { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>0..1, as the Miningcore API's <c>confirmationProgress</c>.</summary>
    public double ConfirmationProgress => Status switch
    {
        BlockStatus.Confirmed => 1,
        BlockStatus.Pending when ConfirmationsRequired > 0 => Math.Min(1, (double)Confirmations / ConfirmationsRequired),
        _ => 0,
    };
}

internal sealed class FoundBlockConfiguration : IEntityTypeConfiguration<FoundBlock>
{
    public void Configure(EntityTypeBuilder<FoundBlock> builder)
    {
        builder.ToTable("Blocks");
        builder.Property(b => b.PoolId).HasMaxLength(32);
        builder.Property(b => b.Hash).HasMaxLength(64);
        builder.Property(b => b.MinerAddress).HasMaxLength(128);
        builder.Property(b => b.Worker).HasMaxLength(64);
        builder.Property(b => b.CoinbaseTxid).HasMaxLength(64);
        builder.Property(b => b.Region).HasMaxLength(64);
        builder.Property(b => b.DaemonAnswer).HasMaxLength(1024);
        builder.Ignore(b => b.ConfirmationProgress);
        builder.HasIndex(b => new { b.PoolId, b.Hash }).IsUnique();
        builder.HasIndex(b => new { b.PoolId, b.Status });
        builder.HasIndex(b => new { b.PoolId, b.MinerAddress });
    }
}
