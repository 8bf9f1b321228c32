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

    public static string Age(TimeSpan? age) =>
        age is not { } a ? "—"
        : a.TotalSeconds < 1 ? a.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : a.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
