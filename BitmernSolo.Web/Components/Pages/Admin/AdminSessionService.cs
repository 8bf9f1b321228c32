using System.Globalization;
using System.Net;
using System.Security.Claims;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Web.Bans;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>
/// Admin actions on live sessions and the ban list; every action checks its caller. Bans and lifts apply here at once and
/// reach the database (so every instance, and the next start) through <see cref="BanJournal"/>.
/// </summary>
public sealed class AdminSessionService(ILiveSessionSource sessions, BanJournal bans)
{
    public IReadOnlyList<LiveSession> Sessions => sessions.GetSessions();

    public IReadOnlyList<IpBan> Bans => bans.List();

    public AdminActionResult Disconnect(ClaimsPrincipal actor, string sessionId)
    {
        AdminGuard.Demand(actor);
        return sessions.Disconnect(sessionId)
            ? AdminActionResult.Done("Disconnected.")
            : AdminActionResult.Refused("That session is already gone.");
    }

    /// <summary>Bans an address or CIDR range and drops its live sessions; null duration bans until lifted.</summary>
    public AdminActionResult Ban(ClaimsPrincipal actor, string? addressOrRange, TimeSpan? duration, string? reason = null)
    {
        AdminGuard.Demand(actor);
        if (!IpBanList.TryParseRange(addressOrRange, out var range))
        {
            return AdminActionResult.Refused($"'{addressOrRange}' is not an IP address or CIDR range (e.g. 192.0.2.7 or 192.0.2.0/24).");
        }

        if (duration is { } d && d <= TimeSpan.Zero)
        {
            return AdminActionResult.Refused("A ban lasts a positive time.");
        }

        if (bans.Ban(range.Value, duration, reason, actor.Identity?.Name) is not { } ban)
        {
            return AdminActionResult.Refused(
                $"The ban list is full ({IpBanList.MaxBans.ToString("N0", CultureInfo.InvariantCulture)} bans): lift some first.");
        }

        var dropped = 0;
        foreach (var session in sessions.GetSessions().Where(s => s.RemoteAddress is { } ip && range.Value.Contains(Normalize(ip))))
        {
            dropped += sessions.Disconnect(session.Id) ? 1 : 0;
        }

        return AdminActionResult.Done($"Banned {ban.Display}; {dropped} session(s) dropped.");
    }

    public AdminActionResult Lift(ClaimsPrincipal actor, string addressOrRange)
    {
        AdminGuard.Demand(actor);
        return IpBanList.TryParseRange(addressOrRange, out var range) && bans.Lift(range.Value)
            ? AdminActionResult.Done($"Ban on {addressOrRange} lifted.")
            : AdminActionResult.Refused($"No ban on {addressOrRange}.");
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
