using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BitmernSolo.Tests.Api;

/// <summary>The app on the shipped pools with <see cref="ApiSeed"/>'s record, a stopped clock and one allowed CORS origin.</summary>
public sealed class ApiFixture : WebAppFixture, IAsyncLifetime
{
    public const string AllowedOrigin = "https://front.example";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:Cors:Origins:0"] = AllowedOrigin,
        ["Api:RateLimit:PermitsPerMinute"] = "0",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(ApiSeed.Now)));

    public async ValueTask InitializeAsync()
    {
        Factory.CreateClient().Dispose();
        await ApiSeed.SeedAsync(Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>());
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
