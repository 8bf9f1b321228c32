namespace BitmernSolo.Web.Configuration;

/// <summary>E-mail delivery retries (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Attempts per e-mail before it stays Failed for good (visible on the admin notification log).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay after the first failure; doubles with each further failure, up to an hour.</summary>
    public int RetryDelaySeconds { get; set; } = 30;

    /// <summary>A queued e-mail not attempted after this long is re-enqueued by the sweep (e.g. after a restart).</summary>
    public int SweepAfterMinutes { get; set; } = 2;
}
