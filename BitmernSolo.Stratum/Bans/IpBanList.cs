using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace BitmernSolo.Stratum.Bans;

/// <summary>
/// Operator bans on addresses and CIDR ranges, consulted when a stratum connection is admitted: the fast in-memory check.
/// The web host keeps it in step with its database (loaded at start, others' bans and lifts picked up with
/// <see cref="Replace"/>); the mining core knows nothing of that. Thread-safe; expired bans drop out when listed or checked.
/// </summary>
public sealed class IpBanList(TimeProvider time)
{
    /// <summary>Enough for any manual list; stops a runaway caller from growing it without bound.</summary>
    public const int MaxBans = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPNetwork, IpBan> _bans = [];

    /// <summary>Raised after a ban is added, so live sessions from the range can be dropped.</summary>
    public event Action<IpBan>? Banned;

    /// <summary>Raised after a ban ends before its time (lifted here, or gone from the list a <see cref="Replace"/> brings).</summary>
    public event Action<IPNetwork>? Lifted;

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
    /// <exception cref="InvalidOperationException">The list is full; <see cref="TryAdd"/> says so without throwing.</exception>
    public IpBan Add(IPNetwork range, TimeSpan? duration, string? reason = null, string? createdBy = null, string? region = null) =>
        TryAdd(range, duration, reason, createdBy, region)
        ?? throw new InvalidOperationException($"The ban list holds at most {MaxBans} entries.");

    /// <summary>
    /// Bans <paramref name="range"/> for <paramref name="duration"/> (null: until lifted), replacing an existing ban on it;
    /// null when the list already holds <see cref="MaxBans"/> other bans. A full list makes room for an operator's ban by
    /// dropping its oldest automatic one, the one <see cref="Replace"/> would leave out first, so a storm of invalid-share
    /// bans never locks the operator out; only a list full of operators' bans refuses.
    /// </summary>
    public IpBan? TryAdd(IPNetwork range, TimeSpan? duration, string? reason = null, string? createdBy = null, string? region = null)
    {
        if (duration is { } d && d <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A ban lasts a positive time.");
        }

        var now = time.GetUtcNow();
        var ban = new IpBan(range, now, duration is { } length ? now + length : null, reason) { CreatedBy = createdBy, Region = region };
        lock (_lock)
        {
            Prune(now);
            if (!_bans.ContainsKey(range) && _bans.Count >= MaxBans)
            {
                var oldestAutomatic = createdBy == IpBan.Automatic
                    ? null
                    : _bans.Values.Where(b => b.CreatedBy == IpBan.Automatic).MinBy(b => b.CreatedAt);
                if (oldestAutomatic is null)
                {
                    return null;
                }

                // Not a lift: the database keeps it (a Replace would leave it out the same way) and the gate that set it still refuses it.
                _bans.Remove(oldestAutomatic.Range);
            }

            _bans[range] = ban;
        }

        Banned?.Invoke(ban);
        return ban;
    }

    /// <summary>Lifts the ban on exactly <paramref name="range"/>; false when there was none.</summary>
    public bool Lift(IPNetwork range)
    {
        bool removed;
        lock (_lock)
        {
            removed = _bans.Remove(range);
        }

        if (removed)
        {
            Lifted?.Invoke(range);
        }

        return removed;
    }

    /// <summary>
    /// Makes the list exactly <paramref name="bans"/> (the newest <see cref="MaxBans"/> active ones, operators' before
    /// automatic ones, so a storm of invalid-share bans cannot push out an operator's), as another copy of it
    /// (a database) holds it. Raises <see cref="Lifted"/> for every active ban that is gone from <paramref name="bans"/>, not
    /// <see cref="Banned"/>; a ban that is only left out for room is not lifted (the stratum's own record of an automatic ban
    /// keeps refusing the address until it runs out). Returns the bans on ranges the list did not hold, so the caller can
    /// drop their sessions.
    /// </summary>
    public IReadOnlyList<IpBan> Replace(IEnumerable<IpBan> bans)
    {
        ArgumentNullException.ThrowIfNull(bans);
        var now = time.GetUtcNow();
        var active = bans.Where(ban => ban.IsActive(now)).ToList();
        var next = active
            .OrderBy(ban => ban.CreatedBy == IpBan.Automatic).ThenByDescending(ban => ban.CreatedAt)
            .DistinctBy(ban => ban.Range).Take(MaxBans).ToDictionary(ban => ban.Range);
        var stillBanned = active.Count > next.Count ? active.Select(ban => ban.Range).ToHashSet() : null;
        List<IpBan> added;
        List<IPNetwork> gone;
        lock (_lock)
        {
            Prune(now);
            added = [.. next.Values.Where(ban => !_bans.ContainsKey(ban.Range))];
            gone = [.. _bans.Keys.Where(range => !next.ContainsKey(range) && stillBanned?.Contains(range) != true)];
            _bans.Clear();
            foreach (var (range, ban) in next)
            {
                _bans[range] = ban;
            }
        }

        foreach (var range in gone)
        {
            Lifted?.Invoke(range);
        }

        return added;
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
