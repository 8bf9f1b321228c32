using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// Every minute, one <see cref="NetworkStat"/> per enabled pool: height, network difficulty and hashrate (with
/// <see cref="NetworkHashrate"/>'s fallback), block reward (the current template's coinbase value when the pool's job manager
/// has one, else what the tip's coinbase paid).
/// </summary>
internal sealed partial class NetworkStatsJob(
    PoolDaemonRegistry registry,
    IDbContextFactory<ApplicationDbContext> databases,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<NetworkStatsJob> logger) : IRecurringPoolJob
{
    public string Id => "network-stats";

    public string Schedule => Cron.Minutely();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var pool in registry.Pools)
        {
            try
            {
                if (await pool.FirstUsableAsync(cancellationToken).ConfigureAwait(false) is { } daemon)
                {
                    var templateReward = (services.GetKeyedService<IWorkSource>(pool.PoolId) as PoolJobManager)?.CurrentTemplate?.CoinbaseValueSatoshis;
                    db.NetworkStats.Add(await SampleAsync(pool.PoolId, pool.Network, daemon, templateReward, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false));
                }
            }
            catch (DaemonRpcException e)
            {
                LogFailed(logger, pool.PoolId, e.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<NetworkStat> SampleAsync(string poolId, CoinNetwork network, DaemonRpcClient daemon, long? templateReward, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mining = await daemon.CallAsync("getmininginfo", [], cancellationToken: cancellationToken).ConfigureAwait(false);
        var difficulty = mining.TryGetProperty("difficulty", out var d) && d.TryGetDouble(out var value) ? value : 0;
        var reported = mining.TryGetProperty("networkhashps", out var h) && h.TryGetDouble(out var hashps) ? hashps : 0;
        var height = mining.GetProperty("blocks").GetInt64();
        var reward = templateReward ?? await TipCoinbaseValueAsync(daemon, cancellationToken).ConfigureAwait(false);
        return new NetworkStat
        {
            PoolId = poolId,
            CreatedAt = now,
            Height = height,
            NetworkDifficulty = difficulty,
            NetworkHashrate = NetworkHashrate.Resolve(reported, difficulty, network),
            BlockReward = reward,
        };
    }

    private static async Task<long> TipCoinbaseValueAsync(DaemonRpcClient daemon, CancellationToken cancellationToken)
    {
        var block = await daemon.GetBlockAsync(await daemon.GetBestBlockHashAsync(cancellationToken).ConfigureAwait(false), 2, cancellationToken).ConfigureAwait(false);
        long satoshis = 0;
        foreach (var output in block.GetProperty("tx")[0].GetProperty("vout").EnumerateArray())
        {
            satoshis = checked(satoshis + (long)(output.GetProperty("value").GetDecimal() * 100_000_000m));
        }

        return satoshis;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {Pool}: network statistics not sampled: {Reason}")]
    private static partial void LogFailed(ILogger logger, string pool, string reason);
}
