using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Pool;

/// <summary>A periodic sample of a pool and its network, for charts and the API's pool performance.</summary>
public sealed class NetworkStat
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Height { get; set; }

    /// <summary>The tip's header time (the miner's clock, not when the pool saw it); null when the daemon gave none.</summary>
    public DateTimeOffset? LastBlockTime { get; set; }

    public double NetworkDifficulty { get; set; }

    public double NetworkHashrate { get; set; }

    /// <summary>H/s over the last ten minutes of share statistics.</summary>
    public double PoolHashrate { get; set; }

    /// <summary>Distinct payout addresses among the authorized live connections.</summary>
    public int ConnectedMiners { get; set; }

    /// <summary>Distinct address.worker names among the authorized live connections.</summary>
    public int ConnectedWorkers { get; set; }

    public long BlockReward { get; set; }
}

internal sealed class NetworkStatConfiguration : IEntityTypeConfiguration<NetworkStat>
{
    public void Configure(EntityTypeBuilder<NetworkStat> builder)
    {
        builder.ToTable("NetworkStats");
        builder.Property(s => s.PoolId).HasMaxLength(32);
        builder.HasIndex(s => new { s.PoolId, s.CreatedAt });
    }
}
