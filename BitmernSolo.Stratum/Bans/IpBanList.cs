using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace BitmernSolo.Stratum.Bans;

/// <summary>
/// Operator bans on addresses and CIDR ranges, consulted when a stratum connection is admitted. Kept in memory on purpose
/// (no database table, so no migration): bans end with the process, which suits abuse that is usually short-lived.
/// Thread-safe; expired bans drop out when listed or checked.
/// </summary>
public sealed class IpBanList(TimeProvider time)
{
    /// <summary>Enough for any manual list; stops a runaway caller from growing it without bound.</summary>
    public const int MaxBans = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPNetwork, IpBan> _bans = [];

    /// <summary>Raised after a ban is added, so live sessions from the range can be dropped.</summary>
    public event Action<IpBan>? Banned;

    /// <summary>Parses "192.0.2.7", "2001:db8::1", "192.0.2.0/24" or "2001:db8::/32"; IPv4-mapped IPv6 becomes IPv4.</summary>
    public static bool TryParseRange(string? text, [NotNullWhen(true)] out IPNetwork? range)
    {
        range = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(trimmed, out var address))
            {
                return false;
            }

            address = Normalize(address);
            range = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        // A base address with bits set past the prefix ("192.0.2.7/24") is refused rather than silently widened: the operator
        // sees the mistake instead of banning a range they did not mean.
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(trimmed.AsSpan(0, slash), out var baseAddress)
            || !IPNetwork.TryParse(trimmed, out var parsed)
            || !parsed.BaseAddress.Equals(baseAddress))
        {
            return false;
        }

        range = parsed;
        return true;
    }

    /// <summary>Bans <paramref name="range"/> for <paramref name="duration"/> (null: until lifted); replaces an existing ban on it.</summary>
    public IpBan Add(IPNetwork range, TimeSpan? duration, string? reason = null)
    {
        if (duration is { } d && d <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A ban lasts a positive time.");
        }

        var now = time.GetUtcNow();
        var ban = new IpBan(range, now, duration is { } length ? now + length : null, reason);
        lock (_lock)
        {
            Prune(now);
            if (!_bans.ContainsKey(range) && _bans.Count >= MaxBans)
            {
                throw new InvalidOperationException($"The ban list holds at most {MaxBans} entries.");
            }

            _bans[range] = ban;
        }

        Banned?.Invoke(ban);
        return ban;
    }

    /// <summary>Lifts the ban on exactly <paramref name="range"/>; false when there was none.</summary>
    public bool Lift(IPNetwork range)
    {
        lock (_lock)
        {
            return _bans.Remove(range);
        }
    }

    public bool IsBanned(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        address = Normalize(address);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _bans.Values.Any(ban => ban.IsActive(now) && ban.Range.Contains(address));
        }
    }

    /// <summary>Active bans, newest first.</summary>
    public IReadOnlyList<IpBan> List()
    {
        lock (_lock)
        {
            Prune(time.GetUtcNow());
            return [.. _bans.Values.OrderByDescending(ban => ban.CreatedAt)];
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var expired in _bans.Where(pair => !pair.Value.IsActive(now)).Select(pair => pair.Key).ToList())
        {
            _bans.Remove(expired);
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
