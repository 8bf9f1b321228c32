using System.Globalization;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>Culture-invariant numbers and times for the admin tables.</summary>
public static class AdminFormat
{
    private static readonly string[] Prefixes = ["", "k", "M", "G", "T", "P", "E", "Z"];

    /// <summary>6.442e12 → "6.44 TH/s".</summary>
    public static string Hashrate(double hashesPerSecond)
    {
        var value = hashesPerSecond;
        var prefix = 0;
        while (Math.Abs(value) >= 1000 && prefix < Prefixes.Length - 1)
        {
            value /= 1000;
            prefix++;
        }

        return value.ToString("0.##", CultureInfo.InvariantCulture) + " " + Prefixes[prefix] + "H/s";
    }

    public static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Coins(long satoshis) => (satoshis / 100_000_000m).ToString("0.00000000", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>"12.5 ms", "4.2 s", "5 min 12 s", "3 h 4 min", "2 d 5 h": a heartbeat two hours old was "7200 s".</summary>
    public static string Age(TimeSpan? age) =>
        age is not { } a ? "—"
        : a.TotalSeconds < 1 ? a.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : a.TotalSeconds < 60 ? a.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : a.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalMinutes} min {a.Seconds} s")
        : a.TotalHours < 48 ? string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalHours} h {a.Minutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalDays} d {a.Hours} h");
}
