using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Configuration;

/// <summary>Checks <c>Stats</c>.</summary>
public sealed class StatsOptionsValidator : IValidateOptions<StatsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MinuteRetentionHours < 1)
        {
            errors.Add("Stats:MinuteRetentionHours: must be at least 1");
        }

        if (options.RetentionDays < 1)
        {
            errors.Add("Stats:RetentionDays: must be at least 1");
        }
        else if (options.RetentionDays * 24 <= options.MinuteRetentionHours)
        {
            errors.Add("Stats:RetentionDays: must be longer than Stats:MinuteRetentionHours");
        }

        if (options.DeleteBatchSize < 1)
        {
            errors.Add("Stats:DeleteBatchSize: must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks <c>Notifications</c>.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxAttempts < 1)
        {
            errors.Add("Notifications:MaxAttempts: must be at least 1");
        }

        if (options.RetryDelaySeconds < 0)
        {
            errors.Add("Notifications:RetryDelaySeconds: must not be negative");
        }

        if (options.SweepAfterMinutes < 0)
        {
            errors.Add("Notifications:SweepAfterMinutes: must not be negative");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
