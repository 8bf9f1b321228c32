using System.Security.Claims;
using BitmernSolo.Tests.Daemons;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// Two regions (whole app instances) on one PostgreSQL database: the eu admin cannot forget us while it beats, and can once
/// it is shut down and has gone quiet for <c>Regions:DownAfter</c>.
/// </summary>
public sealed class PostgresForgetRegionTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly ClaimsPrincipal Admin = TestPrincipals.Admin();

    private const string UsInstance = "us/retiring";

    private readonly TempDirectory _euData = new();
    private readonly TempDirectory _usData = new();

    public void Dispose()
    {
        _euData.Dispose();
        _usData.Dispose();
    }

    [Fact]
    public async Task ARetiredRegionIsForgottenOnceDownAndALiveOneIsNot()
    {
        postgres.SkipIfUnavailable();
        var database = await postgres.CreateDatabaseAsync();
        await using var eu = new PoolWebFactory(_euData.Path, Settings(database, "eu", 1));
        var directory = eu.Services.GetRequiredService<RegionDirectory>(); // first: it migrates the empty database
        var us = new PoolWebFactory(_usData.Path, Settings(database, "us", 2));
        _ = us.Services;
        await RegtestPool.EventuallyAsync(async () => (await directory.GetRegionsAsync(Cancel)).Find("us") is not null, "us showing up");

        AdminActionResult whileUp;
        await using (var scope = eu.Services.CreateAsyncScope())
        {
            whileUp = await scope.ServiceProvider.GetRequiredService<AdminRegionService>().ForgetAsync(Admin, UsInstance, Cancel);
        }

        await us.DisposeAsync();
        var instances = await directory.GetInstancesAsync(Cancel);
        await RegtestPool.EventuallyAsync(async () => (await directory.GetInstancesAsync(Cancel)).Any(i => i.InstanceId == UsInstance && !i.Up), "us shown down");
        AdminActionResult onceDown;
        await using (var scope = eu.Services.CreateAsyncScope())
        {
            onceDown = await scope.ServiceProvider.GetRequiredService<AdminRegionService>().ForgetAsync(Admin, UsInstance, Cancel);
        }

        var after = await directory.GetInstancesAsync(Cancel);

        Assert.False(whileUp.Succeeded);
        Assert.Contains(instances, i => i.InstanceId == UsInstance);
        Assert.True(onceDown.Succeeded, onceDown.Message);
        Assert.Equal(["eu"], after.Select(i => i.Region));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(string database, string region, byte prefix)
    {
        var settings = RegionSettings.For(database, region, prefix);
        settings["Regions:HeartbeatInterval"] = "00:00:01";
        settings["Regions:DownAfter"] = "00:00:03";
        settings["Pool:InstanceId"] = region + "/retiring";
        return settings;
    }
}
