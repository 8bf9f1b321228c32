using System.Net;
using System.Security.Claims;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Daemons;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// Two regions (whole app instances) on one PostgreSQL database: a ban made on one region's admin page reaches the other
/// region's stratum with that region's periodic sync, and so does its lift.
/// </summary>
public sealed class SharedBansTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly ClaimsPrincipal Admin = TestPrincipals.Admin();

    private static readonly IPAddress Scanner = IPAddress.Parse("203.0.113.50");

    private readonly TempDirectory _euData = new();
    private readonly TempDirectory _usData = new();

    public void Dispose()
    {
        _euData.Dispose();
        _usData.Dispose();
    }

    [Fact]
    public async Task ABanOnOneRegionsAdminPageIsRefusedByTheOtherRegionAfterItsSyncAndSoIsItsLiftObserved()
    {
        postgres.SkipIfUnavailable();
        var database = await postgres.CreateDatabaseAsync();
        await using var eu = new PoolWebFactory(_euData.Path, Settings(database, "eu", 1));
        var euGate = eu.Services.GetRequiredService<ConnectionGate>(); // first: it migrates the empty database
        await using var us = new PoolWebFactory(_usData.Path, Settings(database, "us", 2));
        var usGate = us.Services.GetRequiredService<ConnectionGate>();

        await using (var scope = eu.Services.CreateAsyncScope())
        {
            Assert.True(scope.ServiceProvider.GetRequiredService<AdminSessionService>().Ban(Admin, "203.0.113.0/24", TimeSpan.FromHours(1), "scanner").Succeeded);
        }

        var bannedInEu = euGate.IsBanned(Scanner);
        await RegtestPool.EventuallyAsync(() => usGate.IsBanned(Scanner), "us picking up eu's ban");

        await using (var scope = us.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AdminSessionService>();
            var listed = Assert.Single(admin.Bans);
            Assert.Equal(("eu", "root@example.com"), (listed.Region, listed.CreatedBy));
            Assert.True(admin.Lift(Admin, "203.0.113.0/24").Succeeded);
        }

        await RegtestPool.EventuallyAsync(() => !euGate.IsBanned(Scanner), "eu picking up us's lift");

        Assert.True(bannedInEu);
    }

    private static Dictionary<string, string?> Settings(string database, string region, byte prefix)
    {
        var settings = RegionSettings.For(database, region, prefix);
        settings["Bans:SyncInterval"] = "00:00:01";
        return settings;
    }
}
