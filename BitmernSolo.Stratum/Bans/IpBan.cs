using System.Net;

namespace BitmernSolo.Stratum.Bans;

/// <summary>A ban on one address or a CIDR range until <see cref="Until"/> (null: until lifted).</summary>
public sealed record IpBan(IPNetwork Range, DateTimeOffset CreatedAt, DateTimeOffset? Until, string? Reason)
{
    /// <summary><see cref="CreatedBy"/> of a ban the stratum set itself (too many invalid shares).</summary>
    public const string Automatic = "automatic";

    /// <summary>The admin who set it, <see cref="Automatic"/>, or null when unknown.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The region of the instance that set it (empty: the unnamed single instance; null: unknown).</summary>
    public string? Region { get; init; }

    /// <summary>"192.0.2.7" for a single address, "192.0.2.0/24" for a range.</summary>
    public string Display => IsSingleAddress ? Range.BaseAddress.ToString() : Range.ToString();

    public bool IsSingleAddress => Range.PrefixLength == Range.BaseAddress.GetAddressBytes().Length * 8;

    public bool IsActive(DateTimeOffset now) => Until is null || Until > now;
}
