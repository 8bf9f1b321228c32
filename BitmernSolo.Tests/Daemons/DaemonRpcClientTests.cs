using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The JSON-RPC client against a real litecoind: answers, the daemon's error codes, auth failures, cookie auth.</summary>
public sealed class DaemonRpcClientTests(LitecoindPairFixture node) : IClassFixture<LitecoindPairFixture>
{
    [Fact]
    public async Task ChainAndNetworkInfoComeBackTyped()
    {
        node.SkipIfUnavailable();
        var chain = await node.Rpc.GetBlockchainInfoAsync(TestContext.Current.CancellationToken);
        var network = await node.Rpc.GetNetworkInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal("regtest", chain.Chain);
        Assert.False(chain.InitialBlockDownload);
        Assert.Equal(210201, network.Version);
        Assert.True(network.Connections >= 1);
        Assert.Equal(await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken), await node.Rpc.GetBlockHashAsync(chain.Blocks, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnUnknownMethodCarriesTheDaemonsCodeAndMessage()
    {
        node.SkipIfUnavailable();
        var error = await Assert.ThrowsAsync<DaemonRpcException>(() => node.Rpc.CallAsync("nosuchmethod", [], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("Method not found", error.DaemonMessage);
        Assert.False(error.IsTransportFailure);
    }

    [Fact]
    public async Task AnUndecodableBlockIsTheDaemonsMinus22()
    {
        node.SkipIfUnavailable();
        var error = await Assert.ThrowsAsync<DaemonRpcException>(() => node.Rpc.SubmitBlockAsync("00", TestContext.Current.CancellationToken));

        Assert.Equal(-22, error.Code);
        Assert.Contains("decode failed", error.DaemonMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetblocktemplateWithoutTheMwebRuleIsRefusedByLitecoind()
    {
        node.SkipIfUnavailable();
        var error = await Assert.ThrowsAsync<DaemonRpcException>(() => node.Rpc.GetBlockTemplateAsync(["segwit"], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(-8, error.Code);
        Assert.Contains("mweb", error.DaemonMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsAnUnauthorizedError()
    {
        node.SkipIfUnavailable();
        var client = node.Miner.ClientWith(new DaemonEndpoint(node.Miner.RpcUrl, LitecoindNode.RpcUser, "wrong"));

        var error = await Assert.ThrowsAsync<DaemonRpcException>(() => client.GetBlockchainInfoAsync(TestContext.Current.CancellationToken));

        Assert.Equal(DaemonRpcException.Unauthorized, error.Code);
        Assert.True(error.IsTransportFailure);
    }

    [Fact]
    public async Task AClosedPortIsAnUnreachableError()
    {
        using var http = new HttpClient();
        var client = new DaemonRpcClient(http, new DaemonEndpoint(new Uri($"http://127.0.0.1:{LitecoindNode.FreePort()}/"), "u", "p"));

        var error = await Assert.ThrowsAsync<DaemonRpcException>(() => client.GetBestBlockHashAsync(TestContext.Current.CancellationToken));

        Assert.Equal(DaemonRpcException.Unreachable, error.Code);
    }

    [Fact]
    public async Task CookieFileAuthenticationWorks()
    {
        node.SkipIfUnavailable();
        await using var cookieNode = LitecoindNode.Start(LitecoindNode.FreePort(), LitecoindNode.FreePort(), LitecoindNode.FreePort(), wallet: false, cookieAuth: true);
        await cookieNode.WaitForRpcAsync(TestContext.Current.CancellationToken);

        var info = await cookieNode.Rpc.GetBlockchainInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal("regtest", info.Chain);
        Assert.StartsWith("__cookie__:", await File.ReadAllTextAsync(cookieNode.CookieFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParametersOfEveryJsonKindReachTheDaemon()
    {
        node.SkipIfUnavailable();
        var address = await node.NewAddressAsync("bech32");
        var info = await node.Rpc.ValidateAddressAsync(address, TestContext.Current.CancellationToken);

        Assert.True(info.IsValid);
        Assert.Equal(address, info.Address);
        var block = await node.Rpc.CallAsync("getblockheader", [JsonValue.Create((await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken)).ToDisplayHex()), JsonValue.Create(true)], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(block.TryGetProperty("height", out _));
    }
}
