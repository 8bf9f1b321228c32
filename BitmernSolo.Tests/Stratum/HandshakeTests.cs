using System.Globalization;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

public class HandshakeTests
{
    private const string User = "ltc1qminer.rig1";

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task SubscribeAnswersSubscriptionsAFourByteExtranonce1AndTheExtranonce2Size(Transport transport)
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(transport);

        var response = await client.CallAsync("mining.subscribe", """["cpuminer/2.5.1"]""");

        var result = response.GetProperty("result");
        Assert.Equal("mining.set_difficulty", result[0][0][0].GetString());
        Assert.Equal("mining.notify", result[0][1][0].GetString());
        Assert.Matches("^[0-9a-f]{8}$", result[1].GetString());
        Assert.Equal(4, result[2].GetInt32());
    }

    [Fact]
    public async Task Extranonce1IsUniqueAmongLiveSessionsAndStartsWithTheInstancePrefix()
    {
        await using var server = new StratumTestServer(new StratumServerOptions { InstancePrefix = 0xab });
        var seen = new HashSet<string>();
        var clients = new List<StratumTestClient>();
        for (var i = 0; i < 20; i++)
        {
            var client = await server.ConnectAsync(Transport.Memory);
            clients.Add(client);
            var response = await client.CallAsync("mining.subscribe", "[]");
            var extranonce1 = response.GetProperty("result")[1].GetString()!;
            Assert.StartsWith("ab", extranonce1, StringComparison.Ordinal);
            Assert.True(seen.Add(extranonce1));
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task AfterSubscribeAndAuthorizeTheMinerGetsSetDifficultyThenTheCurrentJob(Transport transport)
    {
        await using var server = new StratumTestServer();
        var job = server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);

        await client.CallAsync("mining.subscribe", "[]");
        Assert.True((await client.CallAsync("mining.authorize", $"""["{User}","x"]""")).IsTrue());
        var difficulty = await client.ReadMessageAsync();
        var notify = await client.ReadMessageAsync();

        Assert.Equal("mining.set_difficulty", difficulty!.Value.GetProperty("method").GetString());
        Assert.Equal("mining.notify", notify!.Value.GetProperty("method").GetString());
        Assert.Equal(job.Id, notify.Value.GetProperty("params")[0].GetString());
        Assert.True(notify.Value.GetProperty("params")[8].GetBoolean());
    }

    [Theory]
    [InlineData("bc1qnotlitecoin", "not a Litecoin address")]
    [InlineData("ltc1qminer.bad worker", "Worker name may only contain")]
    [InlineData("ltc1qminer.averyveryveryveryverylongworkername0123", "Worker name longer than")]
    [InlineData(".rig", "Missing payout address")]
    public async Task AuthorizeRefusesABadAddressOrWorkerWithCode24AndTheReason(string user, string reason)
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");

        var response = await client.CallAsync("mining.authorize", $"""["{user}","x"]""");

        Assert.Equal(24, response.ErrorCode());
        Assert.Contains(reason, response.GetProperty("error")[1].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d=0.5", 0.5)]
    [InlineData("x,d=2048", 2048)]
    [InlineData("d=1e12;x", 1e6)]
    [InlineData("d=1e-12", 1e-9)]
    public async Task PasswordDifficultyIsFixedAndClampedToThePortBounds(string password, double expected)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");

        await client.CallAsync("mining.authorize", $"""["{User}","{password}"]""");
        var set = await client.WaitForAsync("mining.set_difficulty");

        Assert.Equal(expected, set.GetProperty("params")[0].GetDouble());
    }

    [Theory]
    [InlineData("ffffffff", 16, true, "1fffe000")]
    [InlineData("00ffe000", 2, true, "00ffe000")]
    [InlineData("1fffe000", 17, false, null)]
    [InlineData("00000fff", 1, false, null)]
    public async Task ConfigureGrantsThePoolMaskIntersectedWithTheRequestedOne(string requested, int minBits, bool granted, string? mask)
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory);

        var response = await client.CallAsync("mining.configure",
            $$"""[["version-rolling","minimum-difficulty","made-up-extension"],{"version-rolling.mask":"{{requested}}","version-rolling.min-bit-count":{{minBits}},"minimum-difficulty.value":0.001}]""");

        var result = response.GetProperty("result");
        Assert.Equal(granted, result.GetProperty("version-rolling").GetBoolean());
        Assert.Equal(mask, result.TryGetProperty("version-rolling.mask", out var m) ? m.GetString() : null);
        Assert.True(result.GetProperty("minimum-difficulty").GetBoolean());
        Assert.False(result.GetProperty("made-up-extension").GetBoolean());
    }

    [Fact]
    public async Task ConfigureMinimumDifficultyIsHonouredAfterSubscribe()
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", $"""["{User}","x"]""");
        await client.WaitForAsync("mining.notify");
        client.Received.Clear();

        await client.CallAsync("mining.configure", """[["minimum-difficulty"],{"minimum-difficulty.value":64}]""");
        var set = await client.WaitForAsync("mining.set_difficulty");
        var suggest = await client.CallAsync("mining.suggest_difficulty", "[1]");
        await client.CallAsync("mining.extranonce.subscribe", "[]");

        Assert.Equal(64, set.GetProperty("params")[0].GetDouble());
        Assert.True(suggest.IsTrue());
        Assert.DoesNotContain(client.Received, m => m.GetProperty("method").GetString() == "mining.set_difficulty");
    }

    [Theory]
    [InlineData("[0.25]", 0.25)]
    [InlineData("0.25", 0.25)]
    [InlineData("[1e9]", 1e6)]
    [InlineData("""["512"]""", 512)]
    public async Task SuggestDifficultyAcceptsANumberOrAnArrayAndIsClamped(string paramsJson, double expected)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", $"""["{User}","x"]""");
        await client.WaitForAsync("mining.notify");
        client.Received.Clear();

        Assert.True((await client.CallAsync("mining.suggest_difficulty", paramsJson)).IsTrue());
        var set = await client.WaitForAsync("mining.set_difficulty");

        Assert.Equal(expected, set.GetProperty("params")[0].GetDouble());
    }

    [Fact]
    public async Task ASuggestionBeforeAuthorizeIsTheFirstDifficultySent()
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.suggest_difficulty", "[42]");
        await client.CallAsync("mining.authorize", $"""["{User}","x"]""");

        var set = await client.WaitForAsync("mining.set_difficulty");

        Assert.Equal(42, set.GetProperty("params")[0].GetDouble());
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task ExtranonceSubscribeIsAnsweredTrueAndUnknownMethodsGetCode20(Transport transport)
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(transport);

        Assert.True((await client.CallAsync("mining.extranonce.subscribe", "[]")).IsTrue());
        Assert.Equal(20, (await client.CallAsync("mining.get_transactions", "[]")).ErrorCode());
    }

    [Fact]
    public async Task AReconnectingWorkerGetsItsLastDifficultyBack()
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using (var first = await server.ConnectAsync(Transport.Memory))
        {
            await first.CallAsync("mining.subscribe", "[]");
            await first.CallAsync("mining.authorize", $"""["{User}","x"]""");
            await first.CallAsync("mining.suggest_difficulty", "[777]");
        }

        await using var second = await server.ConnectAsync(Transport.Memory);
        await second.CallAsync("mining.subscribe", "[]");
        await second.CallAsync("mining.authorize", $"""["{User}","x"]""");
        var set = await second.WaitForAsync("mining.set_difficulty");

        Assert.Equal(777, set.GetProperty("params")[0].GetDouble());
        Assert.True(server.Difficulties.TryGetLast(new BitmernSolo.Stratum.Shares.WorkerKey("ltc", "ltc1qminer", "rig1"), out var stored));
        Assert.Equal(777.ToString(CultureInfo.InvariantCulture), stored.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task NewWorkIsBroadcastWithTheCleanJobsFlag()
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");
        await client.CallAsync("mining.authorize", $"""["{User}","x"]""");
        await client.WaitForAsync("mining.notify");

        var refresh = server.Work.Publish(clean: false);
        var refreshNotify = await client.WaitForAsync("mining.notify");
        var block = server.Work.Publish(clean: true);
        var blockNotify = await client.WaitForAsync("mining.notify");

        Assert.Equal(refresh.Id, refreshNotify.GetProperty("params")[0].GetString());
        Assert.False(refreshNotify.GetProperty("params")[8].GetBoolean());
        Assert.Equal(block.Id, blockNotify.GetProperty("params")[0].GetString());
        Assert.True(blockNotify.GetProperty("params")[8].GetBoolean());
    }
}
