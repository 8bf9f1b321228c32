using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BitmernSolo.Web.Data.Accounts;

public enum NotificationStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// Every e-mail the pool sends or tries to: the state of record for delivery. <see cref="DeduplicationKey"/> is unique,
/// so one outage of one worker, or one block, can never produce a second notice.
/// </summary>
public sealed class NotificationLog
{
    public long Id { get; set; }

    /// <summary>e.g. <c>worker-offline</c>, <c>block-found</c>, <c>payout-matured</c>, <c>password-reset</c>.</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string DeduplicationKey { get; set; }

    public NotificationStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// Not before: a delivery claims the row by moving this forward (a lease), a failure sets it to the back-off time.
    /// Null = never attempted.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The message as rendered when the event happened; the outbox sends exactly this, however late.</summary>
    public string? HtmlBody { get; set; }

    public string? TextBody { get; set; }
}

internal sealed class NotificationLogConfiguration : IEntityTypeConfiguration<NotificationLog>
{
    public void Configure(EntityTypeBuilder<NotificationLog> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.Recipient).HasMaxLength(256);
        builder.Property(n => n.Subject).HasMaxLength(256);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(256);
        builder.Property(n => n.LastError).HasMaxLength(2048);
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        builder.HasIndex(n => n.CreatedAt);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
