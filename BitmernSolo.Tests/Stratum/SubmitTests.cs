using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

public class SubmitTests
{
    private const string User = "ltc1qminer.rig1";

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task ACpuminerHandshakeThenSolvedSharesAreAcceptedAndCounted(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        var miner = new TestMiner(client);

        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var first = await miner.MineShareAsync(extranonce2: 1);
        var second = await miner.MineShareAsync(extranonce2: 2);

        Assert.True(first.IsTrue(), first.ToString());
        Assert.True(second.IsTrue(), second.ToString());
        var counters = Assert.Single(server.Shares.TakeInterval());
        Assert.Equal(2, counters.Accepted);
        Assert.Equal("rig1", counters.Worker.Worker);
        Assert.Equal(2 * miner.Difficulty, counters.SumDifficulty, 12);
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task ABitAxeHandshakeWithVersionRollingGetsRolledSharesAccepted(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        var miner = new TestMiner(client);

        await miner.HandshakeAsBitAxeAsync(User, suggestedDifficulty: 2e-6);
        await miner.SyncAsync();
        var rolled = await miner.MineShareAsync(extranonce2: 1, versionBits: 0x00006000);

        Assert.Equal(0x1fffe000u, miner.VersionMask);
        Assert.Equal(2e-6, miner.Difficulty);
        Assert.True(rolled.IsTrue(), rolled.ToString());
    }

    [Fact]
    public async Task ScryptSharesAreCheckedAgainstTheTargetScaledByTheShareMultiplier()
    {
        var varDiff = new VarDiffOptions { StartDifficulty = 1e-3, MinDifficulty = 1e-6, MaxDifficulty = 1e9 };
        await using var server = new StratumTestServer(varDiff: varDiff, shareMultiplier: 65536);
        server.Work.Publish(clean: true, algorithm: PowAlgorithm.Scrypt);
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client, PowAlgorithm.Scrypt, shareMultiplier: 65536);

        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var share = await miner.MineShareAsync();

        Assert.True(share.IsTrue(), share.ToString());
        Assert.True(server.Shares.Totals().Single().BestEver >= 1e-3);
    }

    [Fact]
    public async Task AShareMeetingTheNetworkTargetIsSubmittedAsABlockAndRaisesBlockFound()
    {
        await using var server = new StratumTestServer();
        var job = server.Work.Publish(clean: true, bits: 0x207fffff, height: 432); // regtest: almost any hash is a block
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await client.CallAsync("mining.suggest_difficulty", "[1000000]"); // far harder than the network: still a block
        await miner.SyncAsync();

        var (nonce, ntime) = miner.Grind(7, 0, job.NetworkTarget);
        var response = await miner.SubmitAsync(job.Id, 7, ntime, nonce, null);
        await client.CallAsync("mining.extranonce.subscribe", "[]"); // requests are handled in order: the block is submitted by now

        Assert.True(response.IsTrue(), response.ToString());
        var (submitted, hex) = Assert.Single(server.Work.SubmittedBlocks);
        Assert.Same(job, submitted);
        Assert.StartsWith("00000020", hex, StringComparison.Ordinal);
        var block = Assert.Single(server.Blocks);
        Assert.Equal(432, block.Height);
        Assert.Equal("ltc1qminer", block.FinderAddress);
        Assert.Equal("rig1", block.FinderWorker);
        Assert.True(block.Accepted);
        Assert.Equal(job.CheckShare(Convert.FromHexString(miner.Extranonce1), [0, 0, 0, 7], Convert.ToUInt32(ntime, 16), nonce, job.Version).BlockHash,
            block.BlockHash);
    }

    [Fact]
    public async Task AScryptBlockCarriesTheDaemonsNetworkDifficultyBesideTheSharesStratumDifficulty()
    {
        var litecoin = Daemons.RegtestPool.Litecoin;
        await using var server = new StratumTestServer(shareMultiplier: litecoin.ShareMultiplier);
        var job = server.Work.Publish(clean: true, bits: 0x207fffff, algorithm: PowAlgorithm.Scrypt, height: 432);
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client, PowAlgorithm.Scrypt, litecoin.ShareMultiplier);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();

        var (nonce, ntime) = miner.Grind(7, 0, job.NetworkTarget);
        await miner.SubmitAsync(job.Id, 7, ntime, nonce, null);
        await client.CallAsync("mining.extranonce.subscribe", "[]");

        // getdifficulty of a regtest litecoind (bits 0x207fffff): the nBits difficulty, no share multiplier.
        var block = Assert.Single(server.Blocks);
        Assert.Equal(4.656542373906925e-10, block.NetworkDifficulty, 1e-22);
        var achieved = job.CheckShare(Convert.FromHexString(miner.Extranonce1), [0, 0, 0, 7], Convert.ToUInt32(ntime, 16), nonce, job.Version)
            .AchievedDifficulty;
        Assert.Equal(achieved * litecoin.ShareMultiplier, block.ShareDifficulty);
    }

    [Fact]
    public async Task AFailingBlockFoundHandlerNeitherSkipsTheNextHandlerNorDropsTheFinder()
    {
        await using var server = new StratumTestServer();
        var failures = new List<(FoundBlock Block, Exception Error)>();
        var later = new List<FoundBlock>();
        server.Pool.BlockFound += _ => throw new InvalidOperationException("database down");
        server.Pool.BlockFound += later.Add;
        server.Pool.BlockFoundHandlerFailed += (block, error) => failures.Add((block, error));
        var job = server.Work.Publish(clean: true, bits: 0x207fffff, height: 432);
        await using var client = await server.ConnectAsync(Transport.Tcp);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await client.CallAsync("mining.suggest_difficulty", "[1000000]");
        await miner.SyncAsync();

        var (nonce, ntime) = miner.Grind(7, 0, job.NetworkTarget);
        var response = await miner.SubmitAsync(job.Id, 7, ntime, nonce, null);
        var stillThere = await client.CallAsync("mining.extranonce.subscribe", "[]");

        Assert.True(response.IsTrue(), response.ToString());
        Assert.True(stillThere.IsTrue(), stillThere.ToString()); // the finder's connection is still served
        var block = Assert.Single(later);
        var (failed, error) = Assert.Single(failures);
        Assert.Same(block, failed);
        Assert.Equal("database down", error.Message);
        Assert.Single(server.Blocks);
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task SubmitBeforeSubscribeIsRefusedWithCode25(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);

        var response = await client.CallAsync("mining.submit", $"""["{User}","1","00000000","00000000","00000000"]""");

        Assert.Equal(25, response.ErrorCode());
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task SubmitForAWorkerThatWasNotAuthorizedIsRefusedWithCode24(Transport transport)
    {
        await using var server = new StratumTestServer();
        var job = server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);

        var response = await client.CallAsync("mining.submit", $"""["ltc1qsomeoneelse","{job.Id}","00000000","{job.Notify.NTime}","00000000"]""");

        Assert.Equal(24, response.ErrorCode());
    }

    public static TheoryData<Transport, string, int> BadSubmissions()
    {
        var data = new TheoryData<Transport, string, int>();
        foreach (var transport in Enum.GetValues<Transport>())
        {
            foreach (var (template, code) in BadSubmissionCases)
            {
                data.Add(transport, template, code);
            }
        }

        return data;
    }

    private static readonly (string Template, int Code)[] BadSubmissionCases =
    [
        ("""["{user}","{job}","000000","{ntime}","00000000"]""", 20),          // extranonce2 too short
        ("""["{user}","{job}","zz000000","{ntime}","00000000"]""", 20),        // not hex
        ("""["{user}","{job}","00000001","{ntime}","0000"]""", 20),            // nonce too short
        ("""["{user}","{job}",1,"{ntime}","00000000"]""", 20),                 // wrong type
        ("""["{user}","{job}","00000001","{ntime}"]""", 20),                   // missing nonce
        ("""["{user}","{job}","00000001","00000001","00000000"]""", 20),       // ntime in 1970
        ("""["{user}","{job}","00000001","ffffffff","00000000"]""", 20),       // ntime far in the future
        ("""["{user}","{job}","00000001","{ntime}","00000000","e0000000"]""", 20), // version bits outside the mask
        ("""["{user}","ffff","00000001","{ntime}","00000000"]""", 21),         // unknown job
        ("""["{user}","{job}","00000001","{ntime}","00000000"]""", 23),        // a random nonce at difficulty 1000
    ];

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task BadSubmissionsGetTheirErrorCode(Transport transport, string paramsTemplate, int code)
    {
        await using var server = new StratumTestServer();
        var job = server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", $"""["{User}","d=1000"]""");

        var response = await client.CallAsync("mining.submit",
            paramsTemplate.Replace("{user}", User, StringComparison.Ordinal).Replace("{job}", job.Id, StringComparison.Ordinal)
                .Replace("{ntime}", job.Notify.NTime, StringComparison.Ordinal));

        Assert.Equal(code, response.ErrorCode());
        Assert.Equal(1, server.Shares.TakeInterval().Single().Rejected);
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task TheSameShareSubmittedTwiceIsRefusedWithCode22(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var (nonce, ntime) = miner.Grind(5, 0, BitmernSolo.Stratum.Targets.Target.FromDifficulty(miner.Difficulty));

        var first = await miner.SubmitAsync(miner.CurrentJobId!, 5, ntime, nonce, null);
        var again = await miner.SubmitAsync(miner.CurrentJobId!, 5, ntime, nonce, null);

        Assert.True(first.IsTrue());
        Assert.Equal(22, again.ErrorCode());
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task AShareOfAJobFromBeforeANewBlockIsStaleWithCode21(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var oldJob = miner.CurrentJobId!;
        var (nonce, ntime) = miner.Grind(5, 0, BitmernSolo.Stratum.Targets.Target.FromDifficulty(miner.Difficulty));

        server.Work.Publish(clean: true);
        await client.WaitForAsync("mining.notify");
        var response = await miner.SubmitAsync(oldJob, 5, ntime, nonce, null);

        Assert.Equal(21, response.ErrorCode());
    }

    [Theory]
    [InlineData(15, false, true)]
    [InlineData(0, false, true)]
    [InlineData(15, true, true)]
    [InlineData(0, true, false)]
    public async Task AShareAtThePreviousDifficultyIsAcceptedUntilTheNextNotifyPlusTheGracePeriod(int graceSeconds, bool newJobSent, bool accepted)
    {
        await using var server = new StratumTestServer(new StratumServerOptions { RetargetGracePeriod = TimeSpan.FromSeconds(graceSeconds) });
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(User);
        await miner.SyncAsync();
        var (nonce, ntime) = miner.Grind(5, 0, BitmernSolo.Stratum.Targets.Target.FromDifficulty(miner.Difficulty));

        await client.CallAsync("mining.suggest_difficulty", "[1000]");
        if (newJobSent)
        {
            server.Work.Publish(clean: false);
            await client.WaitForAsync("mining.notify");
        }

        var response = await miner.SubmitAsync(miner.CurrentJobId!, 5, ntime, nonce, null);

        Assert.Equal(accepted ? null : 23, response.ErrorCode());
    }
}
