namespace BitmernSolo.Web.Api;

/// <summary>
/// The span and sample width of a performance series, named as Miningcore's <c>r</c>/<c>perfMode</c>/<c>mode</c> values:
/// Hour (60 one-minute samples), Day (24 hourly, the default), Month (30 daily).
/// </summary>
public sealed record PerformanceRange(string Name, TimeSpan Span, TimeSpan Interval)
{
    public static readonly PerformanceRange Hour = new("Hour", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
    public static readonly PerformanceRange Day = new("Day", TimeSpan.FromDays(1), TimeSpan.FromHours(1));
    public static readonly PerformanceRange Month = new("Month", TimeSpan.FromDays(30), TimeSpan.FromDays(1));

    public static bool TryParse(string? text, out PerformanceRange range, out string? error)
    {
        error = null;
        range = text?.Trim().ToUpperInvariant() switch
        {
            null or "" or "DAY" => Day,
            "HOUR" => Hour,
            "MONTH" => Month,
            _ => null!,
        };
        if (range is null)
        {
            error = "the range must be Hour, Day or Month.";
            return false;
        }

        return true;
    }

    /// <summary>Start of the sample <paramref name="time"/> falls in (UTC, aligned to the interval).</summary>
    public DateTimeOffset SampleStart(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - (time.UtcTicks % Interval.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
