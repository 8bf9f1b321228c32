using System.Net;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Api;

/// <summary>The app allowing three API requests per client and minute.</summary>
public sealed class RateLimitedFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:RateLimit:PermitsPerMinute"] = "3",
    };
}

public sealed class RateLimitTests(RateLimitedFixture app) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task TheRequestPastTheLimitIsRefusedWith429AndOtherPagesStillAnswer()
    {
        using var client = app.Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/pools", UriKind.Relative), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
