using System.IO.Pipelines;
using System.Net;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

public class ProtectionTests
{
    private const string User = "ltc1qminer.rig1";

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task InvalidJsonIsAnsweredWithCode20AndRepeatedInvalidJsonClosesTheConnection(Transport transport)
    {
        await using var server = new StratumTestServer(new StratumServerOptions { MaxInvalidMessages = 2 });
        await using var client = await server.ConnectAsync(transport);

        await client.SendLineAsync("{not json");
        var first = await client.ReadMessageAsync();
        await client.SendLineAsync("""{"id":1,"params":[]}""");
        var second = await client.ReadMessageAsync();
        await client.SendLineAsync("\u0001\u0002");

        Assert.Equal(20, first!.Value.ErrorCode());
        Assert.Equal(20, second!.Value.ErrorCode());
        Assert.True(await client.WaitForCloseAsync());
    }

    [Theory]
    [InlineData(Transport.Memory, """{"id":3,"method":"mining.authorize","params":[42,"x"]}""")]
    [InlineData(Transport.Tcp, """{"id":3,"method":"mining.configure","params":["version-rolling"]}""")]
    [InlineData(Transport.Memory, """{"id":3,"method":"mining.suggest_difficulty","params":[-5]}""")]
    [InlineData(Transport.Memory, """{"id":3,"method":"mining.suggest_difficulty","params":[{"d":1}]}""")]
    [InlineData(Transport.Memory, """{"id":3,"method":"mining.subscribe","params":"agent"}""")]
    [InlineData(Transport.Memory, """{"id":3,"method":"mining.submit","params":{"worker":"x"}}""")]
    public async Task WrongParamTypesGetCode20AndTheConnectionStaysUsable(Transport transport, string request)
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(transport);
        if (request.Contains("submit", StringComparison.Ordinal))
        {
            await client.CallAsync("mining.subscribe", "[]");
        }

        await client.SendLineAsync(request);
        var response = await client.ReadResponseAsync(3);

        Assert.Equal(20, response.ErrorCode());
        Assert.True((await client.CallAsync("mining.extranonce.subscribe", "[]")).IsTrue());
    }

    [Theory]
    [InlineData(Transport.Memory, true)]
    [InlineData(Transport.Tcp, true)]
    [InlineData(Transport.Memory, false)]
    public async Task AnOversizedLineGetsAnErrorAndTheConnectionIsClosed(Transport transport, bool terminated)
    {
        await using var server = new StratumTestServer(new StratumServerOptions { MaxLineLength = 256 });
        await using var client = await server.ConnectAsync(transport);

        var line = """{"id":1,"method":"mining.subscribe","params":[" """ + new string('a', 300) + "\"]}" + (terminated ? "\n" : string.Empty);
        await client.SendRawAsync(System.Text.Encoding.UTF8.GetBytes(line));
        var error = await client.ReadMessageAsync();

        Assert.Equal(20, error!.Value.ErrorCode());
        Assert.True(await client.WaitForCloseAsync());
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task AConnectionThatDoesNotSubscribeAndAuthorizeInTimeIsClosed(Transport transport)
    {
        var options = new StratumServerOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(100), SweepInterval = TimeSpan.FromMilliseconds(20) };
        await using var server = new StratumTestServer(options);
        await using var client = await server.ConnectAsync(transport);

        await client.CallAsync("mining.subscribe", "[]");

        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task AnIdleConnectionIsClosed()
    {
        var options = new StratumServerOptions { IdleTimeout = TimeSpan.FromMilliseconds(100), SweepInterval = TimeSpan.FromMilliseconds(20) };
        await using var server = new StratumTestServer(options);
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await new TestMiner(client).HandshakeAsCpuminerAsync(User);

        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task ASlowReaderIsDroppedInsteadOfBufferedForever()
    {
        var options = new StratumServerOptions { SendQueueCapacity = 4, SendTimeout = TimeSpan.FromMilliseconds(200) };
        await using var server = new StratumTestServer(options);
        server.Work.Publish(clean: true, coinbasePadding: 2000);
        // The client's pipe stops accepting writes after 16 KiB until the client reads, like a full socket buffer.
        var clientReads = new PipeOptions(pauseWriterThreshold: 16 * 1024, resumeWriterThreshold: 8 * 1024);
        await using var client = await server.ConnectAsync(Transport.Memory, clientReads: clientReads);
        await new TestMiner(client).HandshakeAsCpuminerAsync(User);

        for (var i = 0; i < 200 && server.Pool.SessionCount > 0; i++)
        {
            server.Work.Publish(clean: false, coinbasePadding: 2000);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task ASlowReaderOnARealSocketIsDropped()
    {
        var options = new StratumServerOptions { SendQueueCapacity = 4, SendTimeout = TimeSpan.FromMilliseconds(200) };
        await using var server = new StratumTestServer(options);
        server.Work.Publish(clean: true, coinbasePadding: 4000);
        await using var client = await server.ConnectAsync(Transport.Tcp);
        await new TestMiner(client).HandshakeAsCpuminerAsync(User);

        for (var i = 0; i < 2000 && server.Pool.SessionCount > 0; i++)
        {
            server.Work.Publish(clean: false, coinbasePadding: 4000);
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, server.Pool.SessionCount);
    }

    [Fact]
    public async Task ConnectionsBeyondThePerIpCapAreRefusedAndOtherAddressesAreNot()
    {
        await using var server = new StratumTestServer(new StratumServerOptions { MaxConnectionsPerIp = 2 });
        var from = IPAddress.Parse("203.0.113.7");
        await using var first = await server.ConnectAsync(Transport.Memory, from);
        await using var second = await server.ConnectAsync(Transport.Memory, from);
        await first.CallAsync("mining.subscribe", "[]");
        await second.CallAsync("mining.subscribe", "[]");

        await using var third = await server.ConnectAsync(Transport.Memory, from);
        await using var elsewhere = await server.ConnectAsync(Transport.Memory, IPAddress.Parse("203.0.113.8"));

        Assert.True(await third.WaitForCloseAsync());
        Assert.True((await elsewhere.CallAsync("mining.subscribe", "[]")).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task AnAddressWithTooManyInvalidSharesIsBannedForAWhile()
    {
        var options = new StratumServerOptions { BanMinimumSubmissions = 5, BanInvalidShareRatio = 0.8, BanDuration = TimeSpan.FromMinutes(1) };
        await using var server = new StratumTestServer(options);
        var job = server.Work.Publish(clean: true);
        var from = IPAddress.Parse("198.51.100.9");
        await using var client = await server.ConnectAsync(Transport.Memory, from);
        await new TestMiner(client).HandshakeAsCpuminerAsync(User);

        for (var i = 0; i < 5; i++)
        {
            await client.SendLineAsync($$"""{"id":{{100 + i}},"method":"mining.submit","params":["{{User}}","{{job.Id}}","zz","{{job.Notify.NTime}}","00000000"]}""");
        }

        Assert.True(await client.WaitForCloseAsync());
        Assert.True(server.Gate.IsBanned(from));
        await using var again = await server.ConnectAsync(Transport.Memory, from);
        Assert.True(await again.WaitForCloseAsync());
    }

    [Theory]
    [InlineData(Transport.Memory)]
    [InlineData(Transport.Tcp)]
    public async Task OnGracefulShutdownEverySessionIsToldToReconnect(Transport transport)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(transport);
        await new TestMiner(client).HandshakeAsCpuminerAsync(User);

        await server.Pool.ShutdownAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("client.reconnect", (await client.WaitForAsync("client.reconnect")).GetProperty("method").GetString());
        Assert.True(await client.WaitForCloseAsync());
    }
}
