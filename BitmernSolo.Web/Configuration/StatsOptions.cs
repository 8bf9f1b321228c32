namespace BitmernSolo.Web.Configuration;

/// <summary>How long share statistics are kept, and at what resolution (section <c>Stats</c>).</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Stats";

    /// <summary>Minute buckets older than this are rolled up into hourly buckets.</summary>
    public int MinuteRetentionHours { get; set; } = 48;

    /// <summary>Share and network statistics older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Rows deleted per statement, so retention never holds the database for long.</summary>
    public int DeleteBatchSize { get; set; } = 5000;
}
