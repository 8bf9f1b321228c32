using System.Net;

namespace BitmernSolo.Stratum.Bans;

/// <summary>A ban on one address or a CIDR range until <see cref="Until"/> (null: until lifted).</summary>
public sealed record IpBan(IPNetwork Range, DateTimeOffset CreatedAt, DateTimeOffset? Until, string? Reason)
{
    /// <summary>"192.0.2.7" for a single address, "192.0.2.0/24" for a range.</summary>
    public string Display => IsSingleAddress ? Range.BaseAddress.ToString() : Range.ToString();

    public bool IsSingleAddress => Range.PrefixLength == Range.BaseAddress.GetAddressBytes().Length * 8;

    public bool IsActive(DateTimeOffset now) => Until is null || Until > now;
}
