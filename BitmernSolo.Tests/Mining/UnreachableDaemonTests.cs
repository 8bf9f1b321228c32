using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Mining;
using BitmernSolo.Web.Stratum;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Mining;

/// <summary>An enabled pool whose daemon does not answer (nothing listens on 127.0.0.1:9): the app and its stratum port stay up.</summary>
public sealed class UnreachableDaemonTests : IDisposable
{
    // A regtest bech32 address (P2WPKH of twenty 0x11 bytes): valid without a daemon.
    private static readonly string Address = AddressFormatter.Segwit(
        CoinRegistry.Get("litecoin", NetworkKind.Regtest), 0, Enumerable.Repeat((byte)0x11, 20).ToArray());

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task TheAppStartsMinersStayConnectedWithoutWorkAndThePoolStateSaysWhy()
    {
        await using var app = new MiningAppFactory(_data.Path, new Uri("http://127.0.0.1:9/"));
        await using var client = await app.ConnectMinerAsync();

        var subscribe = await client.CallAsync("mining.subscribe", """["cpuminer/2.5.1"]""");
        var authorize = await client.CallAsync("mining.authorize", $"""["{Address}.rig","x"]""");

        Assert.True(subscribe.TryGetProperty("result", out _), subscribe.ToString());
        Assert.True(authorize.IsTrue(), authorize.ToString());
        var state = Assert.Single(app.Services.GetRequiredService<PoolRuntimes>().All).State;
        var reason = await WaitForReasonAsync(state);
        Assert.Contains("127.0.0.1:9", reason, StringComparison.Ordinal);
        Assert.Null(state.LastTemplateAt);
        // Still connected and answered: the session waits for work instead of being dropped.
        Assert.True((await client.CallAsync("mining.extranonce.subscribe", "[]")).IsTrue());
        Assert.Single(Assert.Single(app.Services.GetRequiredService<StratumPoolRegistry>().Pools).GetSessions());
        Assert.DoesNotContain(client.Received, m => m.TryGetProperty("method", out var method) && method.GetString() == "mining.notify");
        using var web = app.CreateWebClient();
        Assert.True((await web.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode);
    }

    private static async Task<string> WaitForReasonAsync(PoolRuntimeState state)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (state.NoWorkReason is { } reason && reason != "No template fetched yet.")
            {
                return reason;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
