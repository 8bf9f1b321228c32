namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// Where and how to reach one daemon's JSON-RPC: basic auth with <paramref name="User"/>/<paramref name="Password"/>,
/// or, when <paramref name="CookieFile"/> is set, the daemon's <c>.cookie</c> (re-read on every call: it changes on restart).
/// </summary>
public sealed record DaemonEndpoint(Uri Url, string? User = null, string? Password = null, string? CookieFile = null)
{
    /// <summary>Per-call timeout for ordinary calls; long polls use their own.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public override string ToString() => Url.GetLeftPart(UriPartial.Authority);
}
