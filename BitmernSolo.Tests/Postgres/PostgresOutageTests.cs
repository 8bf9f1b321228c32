using System.Net;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Stratum;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// The region's PostgreSQL server stopped under load: stratum does not notice (shares answered, blocks submitted), and what
/// the database missed (share statistics, the found block) is written once it is back.
/// </summary>
public sealed class PostgresOutageTests(PostgresServer postgres, LitecoindPairFixture node)
    : IClassFixture<PostgresServer>, IClassFixture<LitecoindPairFixture>
{
    // The lowest the port allows. Regtest's target is so easy that many of these shares are blocks as well; one block is
    // also ground on purpose (at the port's start difficulty, above the network's) so the outage certainly has one.
    private const double ShareDifficulty = 0.0000001;
    private const double BlockDifficulty = 0.0001;

    [Fact]
    public async Task WhileTheDatabaseIsDownStratumAcceptsSharesAndSubmitsABlockAndBothAreRecordedWhenItReturns()
    {
        await using var regions = await RegionApps.OnNewDatabaseAsync(postgres, node);
        await node.GenerateToHeightAsync(10);
        var app = regions.Start("eu", 1);
        using var web = app.CreateWebClient();
        var flusher = app.Services.GetRequiredService<ShareStatsFlusher>();
        var address = await node.NewAddressAsync("bech32");
        await using var miner = await app.ConnectBitAxeAsync(address + ".outage", ShareDifficulty);
        var accepted = 0;
        var extranonce2 = 1u;
        accepted += await MineSharesAsync(miner, 1, () => extranonce2++);
        Assert.True(await flusher.FlushAsync(TestContext.Current.CancellationToken));

        var heightBeforeOutage = await node.HeightAsync();
        await postgres.StopAsync();
        accepted += await MineSharesAsync(miner, 5, () => extranonce2++);
        var flushedWhileDown = await flusher.FlushAsync(TestContext.Current.CancellationToken);
        var heightBeforeBlock = await node.HeightAsync();
        var blockAnswer = await SubmitBlockAsync(miner, () => extranonce2++);
        accepted++;
        await WaitForHeightAboveAsync(heightBeforeBlock);
        var blockHash = (await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken)).ToDisplayHex();
        await RegionSettings.NextJobAsync(miner); // the pool moves its miners to the new tip without the database
        accepted += await MineSharesAsync(miner, 3, () => extranonce2++);
        // Let the app's other database users (Hangfire's server and workers, the block-found alert) meet the outage too.
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        using var healthWhileDown = await web.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var heightAfterOutage = await node.HeightAsync();
        await postgres.StartAsync();

        // Every block found while the database was down (the deliberate one, and any share that happened to be a block) is
        // written by the recorder's retry, within its back-off.
        var recorded = await WaitForAsync(async () =>
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            // Pending only: a share on a job the new tip had just made stale may also be recorded, as a Rejected block.
            var blocks = await db.Blocks.AsNoTracking()
                .Where(b => b.Height > heightBeforeOutage && b.Height <= heightAfterOutage && b.Status == BlockStatus.Pending)
                .OrderBy(b => b.Height).ToListAsync(TestContext.Current.CancellationToken);
            return blocks.Count == heightAfterOutage - heightBeforeOutage ? blocks : null;
        });
        await WaitForAsync(async () => await flusher.FlushAsync(TestContext.Current.CancellationToken) ? "written" : null);
        accepted += await MineSharesAsync(miner, 1, () => extranonce2++); // same connection: never dropped
        await WaitForAsync(async () => await flusher.FlushAsync(TestContext.Current.CancellationToken) ? "written" : null);

        Assert.False(flushedWhileDown);
        Assert.True(blockAnswer.IsTrue(), blockAnswer.ToString());
        Assert.Equal(HttpStatusCode.OK, healthWhileDown.StatusCode);
        Assert.Contains(recorded, b => b.Hash == blockHash);
        foreach (var block in recorded)
        {
            Assert.Equal((BlockStatus.Pending, "eu", address, "outage"), (block.Status, block.Region, block.MinerAddress, block.Worker));
            var inChain = await node.Rpc.GetBlockAsync(Hash256.FromDisplayHex(block.Hash), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(block.Height, inChain.GetProperty("height").GetInt64());
            Assert.True(inChain.GetProperty("confirmations").GetInt64() >= 1, inChain.ToString()); // on the best chain
        }

        await using var check = await app.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var stats = await check.ShareStats.Where(s => s.Address == address).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(accepted, stats.Sum(s => s.Accepted));
        Assert.All(stats, s => Assert.Equal(("outage", "eu"), (s.Worker, s.Region)));
        var worker = await check.Workers.SingleAsync(w => w.Address == address, TestContext.Current.CancellationToken);
        Assert.Equal((true, "eu"), (worker.Online, worker.Region));
    }

    /// <summary>Mines <paramref name="count"/> accepted shares (taking the next job when one is stale); how many were accepted.</summary>
    private static async Task<int> MineSharesAsync(TestMiner miner, int count, Func<uint> nextExtranonce2)
    {
        var accepted = 0;
        for (var attempts = 0; accepted < count && attempts < count + 5; attempts++)
        {
            var answer = await miner.MineShareAsync(nextExtranonce2());
            if (answer.IsTrue())
            {
                accepted++;
            }
            else
            {
                // Stale (21): a share that happened to be a block moved the tip; mine on the new job.
                Assert.Equal(21, answer.ErrorCode());
                await RegionSettings.NextJobAsync(miner);
            }
        }

        Assert.Equal(count, accepted);
        return accepted;
    }

    /// <summary>Submits a share ground to the block target, on the newest job (a share just before may have moved the tip).</summary>
    private static async Task<System.Text.Json.JsonElement> SubmitBlockAsync(TestMiner miner, Func<uint> nextExtranonce2)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var extranonce2 = nextExtranonce2();
            var (nonce, ntime) = miner.Grind(extranonce2, 0, Target.FromDifficulty(BlockDifficulty, 65536));
            var answer = await miner.SubmitAsync(miner.CurrentJobId!, extranonce2, ntime, nonce, 0);
            if (answer.IsTrue())
            {
                return answer;
            }

            Assert.Equal(21, answer.ErrorCode());
            await RegionSettings.NextJobAsync(miner);
        }

        throw new InvalidOperationException("No block accepted after five jobs.");
    }

    private async Task WaitForHeightAboveAsync(long height)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await node.HeightAsync() <= height)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    /// <summary>Retries <paramref name="attempt"/> until it has an answer (a first try after the restart may meet a dead pooled connection).</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await attempt() is { } answer)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
        }
    }
}
