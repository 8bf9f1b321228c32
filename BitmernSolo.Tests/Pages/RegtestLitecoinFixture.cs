using BitmernSolo.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Pages;

/// <summary>
/// The shipped configuration with the Litecoin pool enabled on regtest (no daemon listening), on a clock frozen half a
/// minute into the current minute.
/// </summary>
public class RegtestLitecoinFixture : WebAppFixture
{
    public DateTimeOffset Now { get; } = FrozenNow();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pool:StratumHost"] = "solo.example.net",
        ["Pools:2:Enabled"] = "true",
        ["Pools:2:Network"] = "regtest",
        ["Pools:2:Daemons:0:Url"] = "http://127.0.0.1:9/",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FrozenClock(Now));

    private static DateTimeOffset FrozenNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddSeconds(30);
    }
}
