namespace BitmernSolo.Web.Jobs;

/// <summary>
/// A job that runs on a schedule. Register an implementation with <c>services.AddRecurringPoolJob&lt;T&gt;()</c>;
/// <see cref="RecurringJobRegistrar"/> adds or updates it in Hangfire at start-up (idempotent: same id, same job).
/// </summary>
public interface IRecurringPoolJob
{
    /// <summary>Stable id, e.g. <c>block-lifecycle</c>.</summary>
    string Id { get; }

    /// <summary>Cron expression (Hangfire's <c>Cron</c> helpers), e.g. <c>Cron.Minutely()</c>.</summary>
    string Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
