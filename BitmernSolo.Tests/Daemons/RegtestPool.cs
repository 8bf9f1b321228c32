using System.Text;
using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Tests.Regtest;

namespace BitmernSolo.Tests.Daemons;

/// <summary>Job managers and found blocks on a litecoind regtest node, for the daemon-side tests.</summary>
internal static class RegtestPool
{
    public static CoinNetwork Litecoin => CoinRegistry.Get("litecoin", NetworkKind.Regtest);

    public static PoolJobManager CreateManager(IReadOnlyList<DaemonRpcClient> daemons, PayoutScript defaultScript, TimeSpan pollInterval,
        IDaemonAvailability? availability = null, bool longPolling = true) => new(
        daemons,
        new PoolJobOptions
        {
            Coin = ScryptForTests.Litecoin,
            TemplateRules = RegtestMiner.LitecoinRules,
            DefaultPayoutScript = defaultScript,
            CoinbaseTag = Encoding.ASCII.GetBytes("/BitmernSolo/"),
            Extranonce1Size = 4,
            Extranonce2Size = 8,
            PollInterval = pollInterval,
            UseLongPolling = longPolling,
        },
        TimeProvider.System,
        availability);

    /// <summary>Grinds a nonce for the finder's own job and submits the block through the manager; returns the job and hash.</summary>
    public static async Task<(MiningJob Job, string BlockHash)> MineAsync(PoolJobManager manager, PayoutScript finder)
    {
        var job = (MiningJob)(manager.GetJobFor(finder) ?? throw new InvalidOperationException("no work: " + manager.NoWorkReason));
        byte[] extranonce1 = [1, 2, 3, 4];
        var extranonce2 = new byte[8];
        uint nonce = 0;
        ShareCheckResult share;
        while (!(share = job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version)).MeetsNetworkTarget)
        {
            nonce++;
        }

        var result = await manager.SubmitBlockAsync(job, job.BuildBlockHex(extranonce1, extranonce2, job.NTime, nonce, job.Version), CancellationToken.None);
        Assert.True(result.Accepted, string.Join("; ", result.DaemonAnswers));
        return (job, share.BlockHash.ToDisplayHex());
    }

    /// <summary>Waits for a condition that a background loop makes true; fails (not times) after a generous deadline.</summary>
    public static Task EventuallyAsync(Func<bool> condition, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), what);

    /// <inheritdoc cref="EventuallyAsync(Func{bool}, string)"/>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail("Never happened: " + what);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
