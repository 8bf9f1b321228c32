namespace BitmernSolo.Web.Dashboards;

/// <summary>The chart ranges the pages offer, each with the step between points (≤ ~180 points per series).</summary>
public enum ChartRange
{
    Hour,
    Day,
    Week,
    Month,
}

public static class ChartRanges
{
    public static IReadOnlyList<ChartRange> All { get; } = Enum.GetValues<ChartRange>();

    public static TimeSpan Span(this ChartRange range) => range switch
    {
        ChartRange.Hour => TimeSpan.FromHours(1),
        ChartRange.Day => TimeSpan.FromDays(1),
        ChartRange.Week => TimeSpan.FromDays(7),
        ChartRange.Month => TimeSpan.FromDays(30),
        _ => throw new ArgumentOutOfRangeException(nameof(range)),
    };

    public static TimeSpan Step(this ChartRange range) => range switch
    {
        ChartRange.Hour => TimeSpan.FromMinutes(1),
        ChartRange.Day => TimeSpan.FromMinutes(10),
        ChartRange.Week => TimeSpan.FromHours(1),
        ChartRange.Month => TimeSpan.FromHours(4),
        _ => throw new ArgumentOutOfRangeException(nameof(range)),
    };

    public static string Label(this ChartRange range) => range switch
    {
        ChartRange.Hour => "1 h",
        ChartRange.Day => "24 h",
        ChartRange.Week => "7 d",
        ChartRange.Month => "30 d",
        _ => throw new ArgumentOutOfRangeException(nameof(range)),
    };
}
