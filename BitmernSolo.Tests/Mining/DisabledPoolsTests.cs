using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Mining;
using BitmernSolo.Web.Stratum;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Mining;

public sealed class DisabledPoolsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task TheShippedDefaultsStartWithNoPoolRunningAndNoDaemonContacted()
    {
        using var client = app.Factory.CreateClient();

        var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(home.IsSuccessStatusCode);
        Assert.Empty(app.Factory.Services.GetRequiredService<PoolRuntimes>().All);
        Assert.Empty(app.Factory.Services.GetRequiredService<StratumPoolRegistry>().Pools);
    }
}
