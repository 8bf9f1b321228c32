using System.Net;
using System.Text.Json;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Daemons;

/// <summary>The ltc pool enabled with an unreachable daemon, a block-notify secret and a recording job manager.</summary>
public sealed class BlockNotifyFixture : WebAppFixture
{
    public const string Secret = "a-long-enough-block-notify-secret";

    public RecordingBlockSink Sink { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pools:2:Enabled"] = "true",
        ["Pools:2:Daemons:0:Url"] = "http://127.0.0.1:9/",
        ["Pools:2:BlockNotifySecret"] = Secret,
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddKeyedSingleton<IWorkSource>("ltc", Sink);
}

public sealed class BlockNotifyEndpointTests(BlockNotifyFixture app) : IClassFixture<BlockNotifyFixture>
{
    private const string Tip = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

    [Theory]
    [InlineData("/api/blocknotify/ltc", "wrong-secret-of-some-length", HttpStatusCode.Unauthorized)]
    [InlineData("/api/blocknotify/ltc", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/blocknotify/ltc?secret=a-long-enough-block-notify-secre", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/blocknotify/btc", BlockNotifyFixture.Secret, HttpStatusCode.NotFound)] // disabled pool
    [InlineData("/api/blocknotify/nope", BlockNotifyFixture.Secret, HttpStatusCode.NotFound)]
    public async Task AWrongSecretOrAnUnknownPoolIsRefusedWithoutWakingThePool(string path, string? secret, HttpStatusCode expected)
    {
        using var client = app.Factory.CreateClient();
        var before = app.Sink.Notifications.Count;

        using var response = await client.SendAsync(Request(path, secret), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, app.Sink.Notifications.Count);
    }

    [Theory]
    [InlineData("/api/blocknotify/ltc?hash=" + Tip, BlockNotifyFixture.Secret)]
    [InlineData("/api/blocknotify/LTC?hash=" + Tip + "&secret=" + BlockNotifyFixture.Secret, null)]
    public async Task TheRightSecretWakesThePoolWithTheBlockHash(string path, string? secret)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.SendAsync(Request(path, secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((Hash256.FromDisplayHex(Tip), "blocknotify"), app.Sink.Notifications);
    }

    [Fact]
    public async Task ReadyzReportsThePoolsDaemonsAsUnhealthyWithTheReason()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var check = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "daemons:ltc");
        Assert.NotEqual("Healthy", check.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(check.GetProperty("description").GetString()));
        var all = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "daemons");
        Assert.Equal("Unhealthy", all.GetProperty("status").GetString()); // IPoolStatusSource now reports the pool
    }

    private static HttpRequestMessage Request(string path, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (secret is not null)
        {
            request.Headers.Add("X-BlockNotify-Secret", secret);
        }

        return request;
    }
}

/// <summary>A pool runtime that only records block notifications.</summary>
public sealed class RecordingBlockSink : IWorkSource, INewBlockSink
{
    public System.Collections.Concurrent.ConcurrentBag<(Hash256, string)> Notifications { get; } = [];

    public IMiningJob? CurrentJob => null;

    public TipSighting? LastTip => null;

    public event Action<IMiningJob, bool>? JobPublished
    {
        add { }
        remove { }
    }

    public IMiningJob? FindJob(string jobId) => null;

    public Task<BlockSubmissionResult> SubmitBlockAsync(IMiningJob job, string blockHex, CancellationToken cancellationToken) =>
        Task.FromResult(new BlockSubmissionResult(false, "test", []));

    public Task<bool> NotifyNewBlockAsync(Hash256? blockHash, string source, CancellationToken cancellationToken)
    {
        Notifications.Add((blockHash ?? Hash256.Zero, source));
        return Task.FromResult(true);
    }
}
