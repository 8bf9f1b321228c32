using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Mining;
using Microsoft.Extensions.DependencyInjection;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The app reaching a daemon started without <c>-rpcuser</c> through its <c>.cookie</c> file (<c>Daemons:m:CookieFile</c>).</summary>
public sealed class CookieAuthAppRegtestTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task APoolConfiguredWithTheDaemonsCookieFileIsAcceptedByItEvenWithAWrongPasswordBeside()
    {
        if (!File.Exists(LitecoindNode.DaemonPath))
        {
            Assert.Skip($"litecoind not installed: {LitecoindNode.DaemonPath} is absent.");
        }

        await using var daemon = LitecoindNode.Start(LitecoindNode.FreePort(), LitecoindNode.FreePort(), LitecoindNode.FreePort(), wallet: false, cookieAuth: true);
        await daemon.WaitForRpcAsync(TestContext.Current.CancellationToken);
        await using var app = new MiningAppFactory(_data.Path, daemon.RpcUrl, new Dictionary<string, string?>
        {
            ["Pools:2:Daemons:0:Password"] = "not-the-cookie",
            ["Pools:2:Daemons:0:CookieFile"] = daemon.CookieFile,
        });
        app.StartServer();
        var monitor = app.Services.GetRequiredService<PoolDaemonRegistry>().Find("ltc")!.Monitor;

        var status = await monitor.CheckAsync(TestContext.Current.CancellationToken);

        var checkedDaemon = Assert.Single(status.Daemons);
        Assert.NotEqual(DaemonState.Down, checkedDaemon.State);
        Assert.Equal("regtest", checkedDaemon.Chain);
        Assert.Null(checkedDaemon.Reason);
        // The job manager's own client uses the cookie too: the daemon answers getblocktemplate with its own complaint
        // (no peer: this node runs alone), not with a refusal of our credentials.
        var work = Assert.Single(app.Services.GetRequiredService<PoolRuntimes>().All);
        await RegtestPool.EventuallyAsync(() => work.State.NoWorkReason is { } r && r.Contains("getblocktemplate", StringComparison.Ordinal), "the job manager's first answer");
        Assert.Contains("not connected", work.State.NoWorkReason, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials", work.State.NoWorkReason, StringComparison.Ordinal);
    }
}
