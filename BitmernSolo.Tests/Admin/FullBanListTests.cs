using System.Net;
using System.Security.Claims;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Api;
using BitmernSolo.Web.Bans;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Regions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Admin;

/// <summary>
/// A ban list holding its <see cref="IpBanList.MaxBans"/> operator bans: the admin's Ban is refused with a message the
/// page shows (never an exception that ends the circuit), and the stratum's own invalid-share ban still works.
/// </summary>
public sealed class FullBanListTests
{
    private static readonly ClaimsPrincipal AdminUser = TestPrincipals.Admin();

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly IpBanList _bans;
    private readonly BanJournal _journal;
    private readonly AdminAreaFixture.FakeSessions _sessions = new();

    public FullBanListTests()
    {
        _bans = new IpBanList(_clock);
        _bans.Replace(Enumerable.Range(0, IpBanList.MaxBans).Select(i => new IpBan(
            new IPNetwork(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]), 32), _clock.Now, null, null)
        {
            CreatedBy = "root@example.com",
        }));
        var identity = new InstanceIdentity(
            Options.Create(new PoolOptions { Region = "eu", StratumHost = "eu.example.com", InstanceId = "eu/test" }),
            Options.Create(new StratumServerOptions()),
            _clock);
        _journal = new BanJournal(_bans, identity, NullLogger<BanJournal>.Instance);
    }

    [Theory]
    [InlineData("198.51.100.7")] // the Ban button on the sessions page
    [InlineData("198.51.100.0/24")] // the form on the bans page
    public void TheAdminsBanIsRefusedWithAMessageAndDropsNoSession(string addressOrRange)
    {
        var service = new AdminSessionService(_sessions, _journal);

        var result = service.Ban(AdminUser, addressOrRange, TimeSpan.FromHours(1), "test");

        Assert.False(result.Succeeded);
        Assert.Equal("The ban list is full (10,000 bans): lift some first.", result.Message);
        Assert.Empty(_sessions.Disconnected);
        Assert.Equal(0, _journal.PendingCount);
        Assert.False(_bans.IsBanned(IPAddress.Parse("198.51.100.7")));
    }

    [Fact]
    public void AfterALiftTheNextBanIsTaken()
    {
        var service = new AdminSessionService(_sessions, _journal);
        Assert.True(service.Lift(AdminUser, "10.0.0.0").Succeeded);

        var result = service.Ban(AdminUser, "198.51.100.7", TimeSpan.FromHours(1));

        Assert.True(result.Succeeded, result.Message);
        Assert.True(_bans.IsBanned(IPAddress.Parse("198.51.100.7")));
    }

    [Fact]
    public void TheStratumsInvalidShareBanStillRefusesTheAddressAndNoOneElse()
    {
        var gate = new ConnectionGate(new StratumServerOptions(), _clock) { OperatorBans = _bans };
        gate.AutoBanned += _journal.Record; // as BanSync subscribes in the app

        gate.Ban(IPAddress.Parse("203.0.113.9"));
        var banned = gate.TryEnter(IPAddress.Parse("203.0.113.9"), out var refused);
        var other = gate.TryEnter(IPAddress.Parse("203.0.113.10"), out var admitted);
        refused.Dispose();
        admitted.Dispose();

        Assert.False(banned);
        Assert.True(other);
        Assert.Equal(1, _journal.PendingCount); // queued for the database like any other
    }
}
