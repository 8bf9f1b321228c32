using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Web.Jobs;
using Hangfire;

namespace BitmernSolo.Web.Daemons;

/// <summary>Every minute: <see cref="BlockLifecycle"/> for each enabled pool, on its first usable daemon.</summary>
internal sealed partial class BlockLifecycleJob(PoolDaemonRegistry registry, BlockLifecycle lifecycle, ILogger<BlockLifecycleJob> logger) : IRecurringPoolJob
{
    public string Id => "block-lifecycle";

    public string Schedule => Cron.Minutely();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in registry.Pools)
        {
            try
            {
                if (await pool.FirstUsableAsync(cancellationToken).ConfigureAwait(false) is { } daemon)
                {
                    await lifecycle.UpdatePoolAsync(pool.PoolId, pool.Network, daemon, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DaemonRpcException e)
            {
                // Next minute again; a daemon hiccup must not stop the other pools.
                LogFailed(logger, pool.PoolId, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {Pool}: block lifecycle update failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string pool, string reason);
}
