using System.Net;

namespace BitmernSolo.Tests.Api;

public sealed class MinerApiTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private const double TwoTo32 = 4294967296d;

    private readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task MinerStatsSumPaymentsAndSplitPerformanceByWorker()
    {
        var miner = await ApiJson.GetAsync(_client, "/api/pools/btc/miners/" + ApiSeed.MinerA);

        Assert.Equal(0, miner.GetProperty("pendingShares").GetDouble());
        Assert.Equal(0m, miner.GetProperty("pendingBalance").GetDecimal());
        Assert.Equal(4.125m, miner.GetProperty("totalPaid").GetDecimal());
        Assert.Equal(1m, miner.GetProperty("todayPaid").GetDecimal());
        Assert.Equal(ApiSeed.Now.AddHours(-1), ApiJson.Time(miner.GetProperty("lastPayment")));
        var workers = miner.GetProperty("performance").GetProperty("workers");
        Assert.Equal(600_000 * TwoTo32 / 600, workers.GetProperty("rig1").GetProperty("hashrate").GetDouble(), 1e-6);
        Assert.Equal(300_000 * TwoTo32 / 600, workers.GetProperty("rig2").GetProperty("hashrate").GetDouble(), 1e-6);
        Assert.Equal(0.1, workers.GetProperty("rig1").GetProperty("sharesPerSecond").GetDouble(), 1e-12);
        var samples = miner.GetProperty("performanceSamples").EnumerateArray().ToList();
        Assert.Equal(
            [new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)],
            samples.Select(s => ApiJson.Time(s.GetProperty("created"))));
        Assert.Equal(1_000_000 * TwoTo32 / 3600, samples[0].GetProperty("workers").GetProperty("rig1").GetProperty("hashrate").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task PerformanceByHourHasOneSamplePerMinuteWithShares()
    {
        var samples = (await ApiJson.GetAsync(_client, $"/api/pools/btc/miners/{ApiSeed.MinerA}/performance?mode=Hour")).EnumerateArray().ToList();

        Assert.Equal(
            [ApiSeed.Now.AddMinutes(-5), ApiSeed.Now.AddMinutes(-2)],
            samples.Select(s => ApiJson.Time(s.GetProperty("created"))));
        Assert.Equal(600_000 * TwoTo32 / 60, samples[1].GetProperty("workers").GetProperty("rig1").GetProperty("hashrate").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task MinerPaymentsAreOnlyTheirs()
    {
        var mine = (await ApiJson.GetAsync(_client, $"/api/pools/btc/miners/{ApiSeed.MinerA}/payments?pageSize=1")).EnumerateArray().ToList();
        var none = (await ApiJson.GetAsync(_client, $"/api/pools/btc/miners/{ApiSeed.MinerB}/payments")).EnumerateArray().ToList();

        Assert.Equal(1m, Assert.Single(mine).GetProperty("amount").GetDecimal());
        Assert.Empty(none);
    }

    [Fact]
    public async Task AMinerKnownOnlyByABlockIsFound()
    {
        var miner = await ApiJson.GetAsync(_client, "/api/pools/btc/miners/" + ApiSeed.MinerC);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, miner.GetProperty("performance").ValueKind);
        Assert.Empty(miner.GetProperty("performanceSamples").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/pools/btc/miners/bc1qnobody")]
    [InlineData("/api/pools/btc/miners/bc1qnobody/payments")]
    [InlineData("/api/pools/btc/miners/bc1qnobody/performance")]
    [InlineData("/api/pools/btc/miners/bc1qnobody/workers")]
    [InlineData("/api/pools/btc/miners/bc1qnobody/odds")]
    [InlineData("/api/pools/ltc/miners/" + ApiSeed.MinerA)]
    public async Task AnUnknownMinerIsNotFound(string url)
    {
        var problem = await ApiJson.GetAsync(_client, url, HttpStatusCode.NotFound);

        Assert.Equal("Unknown miner", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WorkersShowOnlineStateBestSharesAndCurrentHashrate()
    {
        var root = await ApiJson.GetAsync(_client, $"/api/pools/btc/miners/{ApiSeed.MinerA}/workers");

        Assert.Equal(1, root.GetProperty("online").GetInt32());
        Assert.Equal(1, root.GetProperty("offline").GetInt32());
        var workers = root.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(["rig1", "rig2"], workers.Select(w => w.GetProperty("name").GetString()));
        var rig1 = workers[0];
        Assert.True(rig1.GetProperty("online").GetBoolean());
        Assert.Equal(600_000 * TwoTo32 / 600, rig1.GetProperty("hashrate").GetDouble(), 1e-6);
        Assert.Equal(10_000, rig1.GetProperty("lastDifficulty").GetDouble());
        Assert.Equal(ApiSeed.Now.AddMinutes(-1), ApiJson.Time(rig1.GetProperty("lastShare")));
        Assert.Equal(5e9, rig1.GetProperty("bestShareEver").GetDouble());
        Assert.Equal(1e9, rig1.GetProperty("bestShareSinceBlock").GetDouble());
        Assert.Equal("bitaxe/2.4", rig1.GetProperty("userAgent").GetString());
    }

    [Fact]
    public async Task OddsFollowThePoissonFormulaAtTheCurrentHashrate()
    {
        var odds = await ApiJson.GetAsync(_client, $"/api/pools/btc/miners/{ApiSeed.MinerA}/odds");

        var hashrate = 900_000 * TwoTo32 / 600;
        Assert.Equal(hashrate, odds.GetProperty("hashrate").GetDouble(), 1e-6);
        Assert.Equal(ApiSeed.NetworkDifficulty, odds.GetProperty("networkDifficulty").GetDouble());
        // λ per day = 1500 difficulty/s × 86400 s / 1.5e14 = 8.64e-7; p = 1 − e^−λ.
        Assert.Equal(1 - Math.Exp(-8.64e-7), odds.GetProperty("perDay").GetDouble(), 1e-15);
        Assert.Equal(1 - Math.Exp(-8.64e-7 * 30), odds.GetProperty("perMonth").GetDouble(), 1e-15);
        Assert.Equal(1e11, odds.GetProperty("expectedSecondsToBlock").GetDouble(), 1e-3);
    }

    [Fact]
    public async Task PoolOddsUseTheWholePoolsHashrate()
    {
        var odds = await ApiJson.GetAsync(_client, "/api/pools/btc/odds");

        Assert.Equal(960_000 * TwoTo32 / 600, odds.GetProperty("hashrate").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task BestSharesAreRankedBySinceTheLastBlock()
    {
        var best = (await ApiJson.GetAsync(_client, "/api/pools/btc/bestshares")).EnumerateArray().ToList();

        Assert.Equal([3e9, 1e9, 2e8], best.Select(b => b.GetProperty("sinceBlock").GetDouble()));
        Assert.Equal(ApiSeed.MinerB, best[0].GetProperty("miner").GetString());
        Assert.Equal(5e9, best[1].GetProperty("ever").GetDouble());
    }
}
