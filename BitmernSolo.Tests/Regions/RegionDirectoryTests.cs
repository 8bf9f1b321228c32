using BitmernSolo.Web.Data.Regions;
using BitmernSolo.Web.Regions;

namespace BitmernSolo.Tests.Regions;

/// <summary>The region directory over heartbeats two and three instances wrote into one shared SQLite file.</summary>
public sealed class RegionDirectoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = RegionInstances.Start;
    private readonly RegionInstances _instances = new();

    public ValueTask InitializeAsync() => _instances.InitializeAsync();

    public ValueTask DisposeAsync() => _instances.DisposeAsync();

    [Fact]
    public async Task ALoneUnnamedInstanceWithoutAnyHeartbeatListsJustItselfFromItsOptions()
    {
        var (_, directory, _) = _instances.Create("", "solo.example.net", 0);

        var list = await directory.GetRegionsAsync(TestContext.Current.CancellationToken);

        var region = Assert.Single(list.Regions);
        Assert.False(list.IsMultiRegion);
        Assert.True(region.Served);
        Assert.Equal(("", "default", "solo.example.net"), (region.Name, region.Label, region.StratumHost));
        var self = Assert.Single(region.Instances);
        Assert.True(self.IsSelf);
        Assert.Null(self.LastSeenAt);
        Assert.Empty(await directory.GetKnownRegionsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EachInstanceListsTheLiveRegionsWithItsOwnFirstAndLeavesAStaleOneOut()
    {
        var usPool = new RegionPoolState("btc", "synced", null, 900_001, 4, 3, 1e12);
        var eu = _instances.Create("eu", "eu.example.net", 1);
        var us = _instances.Create("us", "us.example.net", 2, usPool);
        var ap = _instances.Create("ap", "ap.example.net", 3);
        await ap.Writer.BeatAsync(TestContext.Current.CancellationToken);
        _instances.Clock.Now = Start.AddMinutes(5);
        await eu.Writer.BeatAsync(TestContext.Current.CancellationToken);
        await us.Writer.BeatAsync(TestContext.Current.CancellationToken);

        var fromEu = await eu.Directory.GetRegionsAsync(TestContext.Current.CancellationToken);
        var fromUs = await us.Directory.GetRegionsAsync(TestContext.Current.CancellationToken);

        Assert.True(fromEu.IsMultiRegion);
        Assert.Equal(["eu", "us"], fromEu.Regions.Select(r => r.Name));
        Assert.Equal(["us", "eu"], fromUs.Regions.Select(r => r.Name));
        Assert.Equal("eu", fromEu.Served.Name);
        Assert.Equal("us.example.net", fromEu.Find("US")!.StratumHost);
        Assert.Equal("http://us.example.net:5000", fromEu.Find("us")!.PublicUrl);
        Assert.Equal(usPool, fromEu.Find("us")!.Pool("btc"));
        Assert.Null(fromEu.Find("ap"));
        Assert.Equal(["ap", "eu", "us"], await eu.Directory.GetKnownRegionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ap", await eu.Directory.FindKnownRegionAsync(" AP ", TestContext.Current.CancellationToken));
        Assert.Null(await eu.Directory.FindKnownRegionAsync("mars", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EveryInstanceEverSeenIsListedForTheAdminWithUpOrDown()
    {
        var eu = _instances.Create("eu", "eu.example.net", 1);
        var ap = _instances.Create("ap", "ap.example.net", 3);
        await ap.Writer.BeatAsync(TestContext.Current.CancellationToken);
        _instances.Clock.Now = Start.AddSeconds(31);
        await eu.Writer.BeatAsync(TestContext.Current.CancellationToken);

        var instances = await eu.Directory.GetInstancesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["eu/test", "ap/test"], instances.Select(i => i.InstanceId));
        Assert.Equal([true, false], instances.Select(i => i.Up));
        Assert.Equal([Start.AddSeconds(31), Start], instances.Select(i => i.LastSeenAt));
    }

    [Fact]
    public async Task TwoInstancesOfOneRegionAreOneRegionWithTheirPoolsSummed()
    {
        var eu = _instances.Create("eu", "eu.example.net", 1);
        var a = _instances.Create("us", "us.example.net", 2, new RegionPoolState("btc", "daemon down", "no answer", 900_000, 1, 1, 1e12));
        await a.Writer.BeatAsync(TestContext.Current.CancellationToken);
        await using (var db = _instances.Database.Open())
        {
            // A second US machine: same region and host, another id.
            db.RegionHeartbeats.Add(new RegionHeartbeat
            {
                InstanceId = "us/second", Region = "us", StratumHost = "us.example.net", InstancePrefix = 3, StartedAt = Start, LastSeenAt = Start,
                PoolsJson = RegionPoolState.Serialize([new RegionPoolState("btc", "synced", null, 900_001, 2, 2, 2e12)]),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var list = await eu.Directory.GetRegionsAsync(TestContext.Current.CancellationToken);

        var us = list.Find("us")!;
        Assert.Equal(2, us.Instances.Count);
        Assert.Equal(new RegionPoolState("btc", "synced", null, 900_001, 3, 3, 3e12), us.Pool("btc"));
    }

    [Fact]
    public async Task ForgettingADownInstanceDeletesItsRowAndItListsItselfAnewWhenItComesBack()
    {
        var eu = _instances.Create("eu", "eu.example.net", 1);
        var ap = _instances.Create("ap", "ap.example.net", 3);
        await ap.Writer.BeatAsync(TestContext.Current.CancellationToken);
        _instances.Clock.Now = Start.AddMinutes(5);
        await eu.Writer.BeatAsync(TestContext.Current.CancellationToken);

        var outcome = await eu.Directory.ForgetAsync("ap/test", TestContext.Current.CancellationToken);
        var afterForget = await eu.Directory.GetInstancesAsync(TestContext.Current.CancellationToken);
        var again = await eu.Directory.ForgetAsync("ap/test", TestContext.Current.CancellationToken);
        Assert.True(await ap.Writer.BeatAsync(TestContext.Current.CancellationToken)); // it was only cut off, and is back
        var afterReturn = await eu.Directory.GetInstancesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ForgetOutcome.Forgotten, outcome);
        Assert.Equal(["eu/test"], afterForget.Select(i => i.InstanceId));
        Assert.Equal(ForgetOutcome.Unknown, again);
        Assert.Equal(["eu/test", "ap/test"], afterReturn.Select(i => i.InstanceId));
        Assert.True(afterReturn[1].Up);
        Assert.False(ap.Status.DuplicateInstanceId); // its own row gone is no sign of another process under its id
    }

    [Fact]
    public async Task AnInstanceThatBeatWithinDownAfterAndThisOneItselfAreNotForgotten()
    {
        var eu = _instances.Create("eu", "eu.example.net", 1);
        var us = _instances.Create("us", "us.example.net", 2);
        await eu.Writer.BeatAsync(TestContext.Current.CancellationToken);
        await us.Writer.BeatAsync(TestContext.Current.CancellationToken);
        _instances.Clock.Now = Start + RegionInstances.Options.DownAfter - TimeSpan.FromSeconds(1);

        var live = await eu.Directory.ForgetAsync("us/test", TestContext.Current.CancellationToken);
        var self = await eu.Directory.ForgetAsync("eu/test", TestContext.Current.CancellationToken);
        var instances = await eu.Directory.GetInstancesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ForgetOutcome.Live, live);
        Assert.Equal(ForgetOutcome.Live, self);
        Assert.Equal(["eu/test", "us/test"], instances.Select(i => i.InstanceId));
    }
}
