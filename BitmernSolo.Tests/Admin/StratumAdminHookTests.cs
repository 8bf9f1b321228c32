using System.Net;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Admin;

/// <summary>The stratum ends of the admin pages: operator bans at the connection gate, disconnect by session.</summary>
public sealed class StratumAdminHookTests
{
    [Fact]
    public void TheGateRefusesAnAddressInAnOperatorBanAndAdmitsItOnceLifted()
    {
        var bans = new IpBanList(TimeProvider.System);
        var gate = new ConnectionGate(new StratumServerOptions(), TimeProvider.System) { OperatorBans = bans };
        Assert.True(IpBanList.TryParseRange("203.0.113.0/24", out var range));
        bans.Add(range.Value, TimeSpan.FromHours(1));

        var whileBanned = gate.TryEnter(IPAddress.Parse("203.0.113.77"), out var refused);
        var other = gate.TryEnter(IPAddress.Parse("198.51.100.1"), out var admitted);
        bans.Lift(range.Value);
        var afterLift = gate.TryEnter(IPAddress.Parse("203.0.113.77"), out var later);
        refused.Dispose();
        admitted.Dispose();
        later.Dispose();

        Assert.False(whileBanned);
        Assert.True(other);
        Assert.True(afterLift);
    }

    [Fact]
    public void TheGateReportsAnInvalidShareBanAndAnOperatorLiftOfThatAddressEndsIt()
    {
        var bans = new IpBanList(TimeProvider.System);
        var gate = new ConnectionGate(new StratumServerOptions { BanDuration = TimeSpan.FromMinutes(10) }, TimeProvider.System) { OperatorBans = bans };
        IpBan? reported = null;
        gate.AutoBanned += ban => reported = ban;

        gate.Ban(IPAddress.Parse("::ffff:203.0.113.77"));
        var whileBanned = gate.TryEnter(IPAddress.Parse("::ffff:203.0.113.77"), out var refused);
        refused.Dispose();
        Assert.NotNull(reported);
        bans.Add(reported.Range, TimeSpan.FromMinutes(10)); // as the host's sync brings it back into the operator list
        bans.Lift(reported.Range);
        var afterLift = gate.TryEnter(IPAddress.Parse("::ffff:203.0.113.77"), out var admitted);
        admitted.Dispose();

        Assert.False(whileBanned);
        Assert.Equal("203.0.113.77", reported.Display);
        Assert.Equal(IpBan.Automatic, reported.CreatedBy);
        Assert.True(afterLift);
    }

    [Fact]
    public async Task DisconnectingALiveSessionClosesItsConnection()
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory, IPAddress.Parse("203.0.113.5"));
        await client.CallAsync("mining.subscribe", "[\"admin-test/1.0\"]");
        var session = Assert.Single(server.Pool.GetSessions());

        var dropped = server.Pool.Disconnect(session.Extranonce1);

        Assert.True(dropped);
        Assert.True(await client.WaitForCloseAsync());
        Assert.False(server.Pool.Disconnect("ffffffff"));
    }
}
