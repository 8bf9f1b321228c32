using System.Net;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Mining.Support;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Bans;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Admin;

/// <summary>
/// Two instances (regions) built by hand on one SQLite file, each with its own ban list, gate, journal and sync, on one
/// hand-moved clock: what one bans or lifts reaches the other with the other's next sync.
/// </summary>
public sealed class SharedBanListTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly SwitchableDatabase _database;

    public SharedBanListTests() => _database = new SwitchableDatabase(_data.Path);

    public ValueTask InitializeAsync() => new(_database.CreateAsync());

    public ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABanOnOneInstanceAppliesOnTheOtherAfterItsSyncAndSoDoesItsLift()
    {
        var eu = Instance("eu");
        var us = Instance("us");
        Assert.True(IpBanList.TryParseRange("203.0.113.0/24", out var range));

        eu.Journal.Ban(range.Value, TimeSpan.FromHours(1), "scanner", "root@example.com");
        var usBeforeSync = us.Gate.IsBanned(IPAddress.Parse("203.0.113.7"));
        Assert.True(await eu.Sync.SyncAsync(Cancel));
        Assert.True(await us.Sync.SyncAsync(Cancel));
        var usAfterSync = us.Gate.IsBanned(IPAddress.Parse("203.0.113.7"));
        var seen = Assert.Single(us.Bans.List());

        Assert.True(eu.Journal.Lift(range.Value));
        Assert.True(await eu.Sync.SyncAsync(Cancel));
        Assert.True(await us.Sync.SyncAsync(Cancel));
        var usAfterLift = us.Gate.IsBanned(IPAddress.Parse("203.0.113.7"));

        Assert.False(usBeforeSync);
        Assert.True(usAfterSync);
        Assert.Equal("eu", seen.Region);
        Assert.Equal("root@example.com", seen.CreatedBy);
        Assert.Contains("s3", us.Sessions.Disconnected); // its live session from 203.0.113.9 was dropped
        Assert.False(usAfterLift);
    }

    [Fact]
    public async Task AnInvalidShareBanOnOneInstanceIsRefusedOnTheOtherAndALiftThereEndsItOnBoth()
    {
        var eu = Instance("eu");
        var us = Instance("us");
        var from = IPAddress.Parse("198.51.100.9");

        eu.Gate.Ban(from);
        Assert.True(await eu.Sync.SyncAsync(Cancel));
        Assert.True(await us.Sync.SyncAsync(Cancel));
        var refusedInUs = us.Gate.IsBanned(from);
        var listed = Assert.Single(us.Bans.List());

        Assert.True(us.Journal.Lift(listed.Range));
        Assert.True(await us.Sync.SyncAsync(Cancel));
        Assert.True(await eu.Sync.SyncAsync(Cancel));

        Assert.True(refusedInUs);
        Assert.Equal(IpBan.Automatic, listed.CreatedBy);
        Assert.False(us.Gate.IsBanned(from));
        Assert.False(eu.Gate.IsBanned(from)); // the gate's own entry went with the lift
    }

    [Fact]
    public async Task AnInvalidShareBanIsListedAtOnceAndAnAdminCanLiftItBeforeAnySync()
    {
        var eu = Instance("eu");
        var from = IPAddress.Parse("198.51.100.9");

        eu.Gate.Ban(from);
        var listed = Assert.Single(eu.Bans.List()); // before any sync: the admin page reads this list
        Assert.True(eu.Journal.Lift(listed.Range));
        var refusedAfterLift = eu.Gate.IsBanned(from);
        Assert.True(await eu.Sync.SyncAsync(Cancel));
        await using var db = _database.Open();

        Assert.Equal(IpBan.Automatic, listed.CreatedBy);
        Assert.Equal("eu", listed.Region);
        Assert.Equal(_clock.Now + new StratumServerOptions().BanDuration, listed.Until);
        Assert.False(refusedAfterLift);
        Assert.Empty(eu.Bans.List());
        Assert.Empty(await db.Bans.ToListAsync(Cancel)); // the queued ban was written, then its lift
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownABanAppliesAtOnceAndIsSavedWhenItIsBack()
    {
        var eu = Instance("eu");
        var us = Instance("us");
        Assert.True(IpBanList.TryParseRange("192.0.2.7", out var range));

        _database.Down = true;
        eu.Journal.Ban(range.Value, null, "while down", "root@example.com");
        var failedSync = await eu.Sync.SyncAsync(Cancel);
        var appliedHere = eu.Gate.IsBanned(IPAddress.Parse("192.0.2.7"));
        _database.Down = false;
        Assert.True(await eu.Sync.SyncAsync(Cancel));
        Assert.True(await us.Sync.SyncAsync(Cancel));

        Assert.False(failedSync);
        Assert.True(appliedHere);
        Assert.True(eu.Gate.IsBanned(IPAddress.Parse("192.0.2.7"))); // the failed read did not empty the list
        Assert.True(us.Gate.IsBanned(IPAddress.Parse("192.0.2.7")));
        Assert.Null(Assert.Single(us.Bans.List()).Until);
    }

    [Fact]
    public async Task AnExpiredBanIsNotLoadedAndTheRetentionJobDeletesIt()
    {
        var eu = Instance("eu");
        Assert.True(IpBanList.TryParseRange("192.0.2.0/24", out var range));
        eu.Journal.Ban(range.Value, TimeSpan.FromMinutes(10), null, "root@example.com");
        Assert.True(await eu.Sync.SyncAsync(Cancel));

        _clock.Now += TimeSpan.FromMinutes(11);
        var later = Instance("us");
        Assert.True(await later.Sync.SyncAsync(Cancel));
        var loaded = later.Bans.List();
        await new BitmernSolo.Web.Jobs.StatsRetentionJob(_database, Options.Create(new StatsOptions()), _clock).RunAsync(Cancel);
        await using var db = _database.Open();

        Assert.Empty(loaded);
        Assert.Empty(await db.Bans.ToListAsync(Cancel));
    }

    private Node Instance(string region)
    {
        var bans = new IpBanList(_clock);
        var gate = new ConnectionGate(new StratumServerOptions(), _clock) { OperatorBans = bans };
        var identity = new InstanceIdentity(
            Options.Create(new PoolOptions { Region = region, StratumHost = $"{region}.example.com", InstanceId = $"{region}/test" }),
            Options.Create(new StratumServerOptions()),
            _clock);
        var journal = new BanJournal(bans, identity, NullLogger<BanJournal>.Instance);
        var sessions = new AdminAreaFixture.FakeSessions();
        var sync = new BanSync(journal, _database, sessions, Options.Create(new BanOptions()), _clock, NullLogger<BanSync>.Instance, gate);
        gate.AutoBanned += journal.Record; // as BanSync.StartAsync subscribes in the app
        return new Node(bans, gate, journal, sync, sessions);
    }

    private sealed record Node(IpBanList Bans, ConnectionGate Gate, BanJournal Journal, BanSync Sync, AdminAreaFixture.FakeSessions Sessions);
}
