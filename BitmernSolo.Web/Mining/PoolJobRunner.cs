using System.Globalization;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// Runs every pool's job manager (template polling, long polls, refreshes) for the life of the app. A crash of one loop is
/// logged and the loop restarted with back-off; a daemon that does not answer is not a crash (the manager reports it as
/// its no-work reason), and this service logs each change of that reason once.
/// </summary>
internal sealed class PoolJobRunner(PoolRuntimes pools, TimeProvider time, ILogger<PoolJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(pools.All.Select(pool => Task.WhenAll(RunAsync(pool, stoppingToken), WatchAsync(pool, stoppingToken))));

    private async Task RunAsync(PoolRuntime pool, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                pool.State.OnStarted();
                await pool.Jobs.RunAsync(stoppingToken).ConfigureAwait(false);
                pool.State.OnStopped();
                return; // RunAsync returns only when stopping
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                pool.State.OnStopped();
                return;
            }
#pragma warning disable CA1031 // Whatever broke the loop, miners need it back: log, wait, restart.
            catch (Exception e)
#pragma warning restore CA1031
            {
                pool.State.OnFailure(e.Message, time.GetUtcNow());
                logger.LogError(e, "Pool {Pool}: the work loop failed; restarting in {Delay} s.", pool.PoolId,
                    delay.TotalSeconds.ToString(CultureInfo.InvariantCulture));
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 > MaxRestartDelay ? MaxRestartDelay : delay * 2;
        }
    }

    /// <summary>Logs when a pool loses or regains work, once per change rather than once per poll.</summary>
    private async Task WatchAsync(PoolRuntime pool, CancellationToken stoppingToken)
    {
        string? logged = null;
        var hadWork = false;
        using var timer = new PeriodicTimer(StatusInterval, time);
        do
        {
            var reason = pool.State.NoWorkReason;
            if (reason is null && !hadWork)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Pool {Pool}: work at height {Height}; miners are served.", pool.PoolId, pool.State.LastTemplateHeight);
                }

                (hadWork, logged) = (true, null);
            }
            else if (reason is not null && reason != logged && !IsFirstFetch(pool))
            {
                logger.LogWarning("Pool {Pool}: no work for miners: {Reason}", pool.PoolId, reason);
                (hadWork, logged) = (false, reason);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Before the first answer the reason only says "none fetched yet": not worth a warning.</summary>
    private static bool IsFirstFetch(PoolRuntime pool) => pool.Jobs.CurrentTemplate is null && pool.State.NoWorkReason == "No template fetched yet.";

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
