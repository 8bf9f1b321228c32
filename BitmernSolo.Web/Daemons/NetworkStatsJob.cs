using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Jobs;
using BitmernSolo.Web.Stratum;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// Every minute, one <see cref="NetworkStat"/> per enabled pool: height, the tip's header time, network difficulty and hashrate
/// (with <see cref="NetworkHashrate"/>'s fallback), block reward (the current template's coinbase value when the pool's job
/// manager has one, else what the tip's coinbase paid), and the pool's side: its hashrate from the share statistics of the last
/// <see cref="PoolHashrateWindow"/> and the miners and workers connected right now.
/// </summary>
internal sealed partial class NetworkStatsJob(
    PoolDaemonRegistry registry,
    IDbContextFactory<ApplicationDbContext> databases,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<NetworkStatsJob> logger) : IRecurringPoolJob
{
    /// <summary>The same window as the API's pool hashrate, so a chart point and the pool page agree.</summary>
    public static readonly TimeSpan PoolHashrateWindow = TimeSpan.FromMinutes(10);

    public string Id => "network-stats";

    public string Schedule => Cron.Minutely();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stratum = services.GetService<StratumPoolRegistry>();
        foreach (var pool in registry.Pools)
        {
            try
            {
                if (await pool.FirstUsableAsync(cancellationToken).ConfigureAwait(false) is { } daemon)
                {
                    var templateReward = (services.GetKeyedService<IWorkSource>(pool.PoolId) as PoolJobManager)?.CurrentTemplate?.CoinbaseValueSatoshis;
                    var now = clock.GetUtcNow();
                    var sample = await SampleAsync(pool.PoolId, pool.Network, daemon, templateReward, now, cancellationToken).ConfigureAwait(false);
                    var since = now - PoolHashrateWindow;
                    var work = await db.ShareStats.Where(s => s.PoolId == pool.PoolId && s.BucketStart >= since)
                        .Select(s => s.DifficultySum).ToListAsync(cancellationToken).ConfigureAwait(false);
                    var sessions = stratum?.Pools.FirstOrDefault(p => string.Equals(p.Settings.PoolId, pool.PoolId, StringComparison.OrdinalIgnoreCase))?.GetSessions() ?? [];
                    db.NetworkStats.Add(WithPoolActivity(sample, work.Sum(), pool.Network.ShareMultiplier, sessions));
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
        var tip = await daemon.GetBestBlockHashAsync(cancellationToken).ConfigureAwait(false);
        var header = await daemon.CallAsync("getblockheader", [JsonValue.Create(tip.ToDisplayHex())], cancellationToken: cancellationToken).ConfigureAwait(false);
        var reward = templateReward ?? await TipCoinbaseValueAsync(daemon, tip, cancellationToken).ConfigureAwait(false);
        return new NetworkStat
        {
            PoolId = poolId,
            CreatedAt = now,
            Height = height,
            LastBlockTime = header.TryGetProperty("time", out var time) && time.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            NetworkDifficulty = difficulty,
            NetworkHashrate = NetworkHashrate.Resolve(reported, difficulty, network),
            BlockReward = reward,
        };
    }

    /// <summary>
    /// The pool's side of a sample: hashrate from the share statistics' difficulty sum over <see cref="PoolHashrateWindow"/>,
    /// distinct addresses and workers among the authorized live sessions (one rig on two connections counts once).
    /// </summary>
    internal static NetworkStat WithPoolActivity(NetworkStat sample, double difficultySum, uint shareMultiplier, IReadOnlyList<SessionInfo> sessions)
    {
        sample.PoolHashrate = HashrateMath.FromDifficultySum(difficultySum, PoolHashrateWindow.TotalSeconds, shareMultiplier);
        var workers = sessions.Where(s => s.Worker is not null).Select(s => s.Worker!.Value).ToHashSet();
        sample.ConnectedWorkers = workers.Count;
        sample.ConnectedMiners = workers.Select(w => w.Address).Distinct(StringComparer.Ordinal).Count();
        return sample;
    }

    private static async Task<long> TipCoinbaseValueAsync(DaemonRpcClient daemon, Hash256 tip, CancellationToken cancellationToken)
    {
        var block = await daemon.GetBlockAsync(tip, 2, cancellationToken).ConfigureAwait(false);
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
