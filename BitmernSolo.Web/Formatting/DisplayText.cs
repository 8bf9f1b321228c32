using System.Globalization;

namespace BitmernSolo.Web.Formatting;

/// <summary>Small culture-invariant renderings shared by the pages.</summary>
public static class DisplayText
{
    /// <summary>An amount in the coin's smallest unit (10^-8) as coins: 625000000 → "6.25 LTC".</summary>
    public static string Coins(long smallestUnits, string symbol)
    {
        var coins = smallestUnits / 100_000_000m;
        return coins.ToString("0.########", CultureInfo.InvariantCulture) + " " + symbol;
    }

    /// <summary>"ltc1qabc…wxyz": enough of both ends to recognise an address without the table overflowing.</summary>
    public static string ShortAddress(string? address, int keep = 8)
    {
        if (string.IsNullOrEmpty(address) || address.Length <= (keep * 2) + 1)
        {
            return address ?? string.Empty;
        }

        return string.Concat(address.AsSpan(0, keep), "…", address.AsSpan(address.Length - keep));
    }

    /// <summary>A probability as a percentage with sensible precision: "0.0012 %", "12.3 %", "&lt; 0.000001 %".</summary>
    public static string Percent(double probability)
    {
        var percent = probability * 100;
        if (percent <= 0)
        {
            return "0 %";
        }

        if (percent < 0.000001)
        {
            return "< 0.000001 %";
        }

        // Three significant figures below 10 %: 0.0123 %, 1.5 %; one decimal above.
        var decimals = percent >= 10 ? 1 : Math.Max(0, 2 - (int)Math.Floor(Math.Log10(percent)));
        var format = percent >= 10 ? "0.0" : "0." + new string('#', decimals);
        return percent.ToString(format, CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>A UTC instant as "2026-11-23 22:33 UTC".</summary>
    public static string Utc(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "never";

    /// <summary>"42 s ago", "5 min ago", "3 h ago", "2 d ago".</summary>
    public static string Ago(DateTimeOffset? instant, DateTimeOffset now)
    {
        if (instant is not { } value)
        {
            return "never";
        }

        var age = now - value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 60 ? ((int)age.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s ago"
            : age.TotalMinutes < 60 ? ((int)age.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min ago"
            : age.TotalHours < 48 ? ((int)age.TotalHours).ToString(CultureInfo.InvariantCulture) + " h ago"
            : ((int)age.TotalDays).ToString(CultureInfo.InvariantCulture) + " d ago";
    }

    /// <summary>A long duration in words: "about 3.2 years", "about 5 days", "about 40 minutes".</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } value || value == TimeSpan.MaxValue)
        {
            return "never";
        }

        var days = value.TotalDays;
        return days >= 730 ? "about " + (days / 365.25).ToString("0.#", CultureInfo.InvariantCulture) + " years"
            : days >= 2 ? "about " + days.ToString("0", CultureInfo.InvariantCulture) + " days"
            : value.TotalHours >= 2 ? "about " + value.TotalHours.ToString("0", CultureInfo.InvariantCulture) + " hours"
            : "about " + Math.Max(1, value.TotalMinutes).ToString("0", CultureInfo.InvariantCulture) + " minutes";
    }

    public static string Grouped(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
