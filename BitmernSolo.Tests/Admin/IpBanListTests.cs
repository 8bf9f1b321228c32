using System.Net;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Tests.Api;

namespace BitmernSolo.Tests.Admin;

public sealed class IpBanListTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static IpBan Add(IpBanList list, string text, TimeSpan? duration)
    {
        Assert.True(IpBanList.TryParseRange(text, out var range), text);
        return list.Add(range.Value, duration);
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.255", true)]
    [InlineData("192.0.2.0/24", "192.0.3.0", false)]
    [InlineData("192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    [InlineData("192.0.2.7", "::ffff:192.0.2.7", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    public void ABanCoversExactlyItsAddressOrRange(string ban, string address, bool banned)
    {
        var list = new IpBanList(_clock);
        Add(list, ban, TimeSpan.FromHours(1));

        Assert.Equal(banned, list.IsBanned(IPAddress.Parse(address)));
    }

    [Fact]
    public void ABanEndsWhenItsTimeIsUp()
    {
        var list = new IpBanList(_clock);
        Add(list, "192.0.2.7", TimeSpan.FromHours(1));

        _clock.Now = _clock.Now.AddMinutes(59);
        var during = list.IsBanned(IPAddress.Parse("192.0.2.7"));
        _clock.Now = _clock.Now.AddMinutes(1);

        Assert.True(during);
        Assert.False(list.IsBanned(IPAddress.Parse("192.0.2.7")));
        Assert.Empty(list.List());
    }

    [Fact]
    public void ABanWithoutDurationLastsUntilLifted()
    {
        var list = new IpBanList(_clock);
        var ban = Add(list, "192.0.2.0/28", null);

        _clock.Now = _clock.Now.AddYears(10);
        var years = list.IsBanned(IPAddress.Parse("192.0.2.3"));

        Assert.True(years);
        Assert.True(list.Lift(ban.Range));
        Assert.False(list.IsBanned(IPAddress.Parse("192.0.2.3")));
        Assert.False(list.Lift(ban.Range));
    }

    [Fact]
    public void ASingleAddressIsShownWithoutItsPrefixAndARangeWithIt()
    {
        var list = new IpBanList(_clock);

        Assert.Equal("192.0.2.7", Add(list, "192.0.2.7", null).Display);
        Assert.Equal("192.0.2.0/24", Add(list, "192.0.2.0/24", null).Display);
        Assert.Equal("2001:db8::1", Add(list, "2001:db8::1", null).Display);
    }

    [Fact]
    public void AddingRaisesTheBannedEvent()
    {
        var list = new IpBanList(_clock);
        IpBan? seen = null;
        list.Banned += ban => seen = ban;

        var added = Add(list, "192.0.2.7", TimeSpan.FromMinutes(5));

        Assert.Equal(added, seen);
        Assert.Equal(_clock.Now.AddMinutes(5), added.Until);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("192.0.2.7/24")]
    [InlineData("192.0.2.0/33")]
    [InlineData("300.0.0.1")]
    public void TextThatIsNotAnAddressOrAnExactRangeDoesNotParse(string? text) =>
        Assert.False(IpBanList.TryParseRange(text, out _));

    [Fact]
    public void ReplacingTheListReturnsTheNewBansAndRaisesLiftedForTheActiveOnesGone()
    {
        var list = new IpBanList(_clock);
        var kept = Add(list, "192.0.2.7", TimeSpan.FromHours(1));
        var gone = Add(list, "192.0.2.8", TimeSpan.FromHours(1));
        Add(list, "192.0.2.9", TimeSpan.FromMinutes(1));
        _clock.Now += TimeSpan.FromMinutes(2); // .9 has run out: it ends without a lift
        var lifted = new List<IPNetwork>();
        list.Lifted += lifted.Add;
        Assert.True(IpBanList.TryParseRange("198.51.100.0/24", out var range));
        var fresh = new IpBan(range.Value, _clock.Now, null, "from another region") { Region = "us" };

        var added = list.Replace([kept, fresh, fresh with { CreatedAt = _clock.Now.AddHours(-1) }]);

        Assert.Equal([fresh], added);
        Assert.Equal([gone.Range], lifted);
        Assert.Equal(["198.51.100.0/24", "192.0.2.7"], list.List().Select(b => b.Display));
    }

    [Fact]
    public void AFullListFromAReplaceKeepsTheOperatorsBansBeforeNewerAutomaticOnes()
    {
        var list = new IpBanList(_clock);
        Assert.True(IpBanList.TryParseRange("192.0.2.0/24", out var range));
        var operatorBan = new IpBan(range.Value, _clock.Now.AddDays(-30), null, "permanent") { CreatedBy = "root@example.com" };
        var automatic = Enumerable.Range(0, IpBanList.MaxBans).Select(i => new IpBan(
            new IPNetwork(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]), 32), _clock.Now, _clock.Now.AddMinutes(10), null)
        {
            CreatedBy = IpBan.Automatic,
        });

        list.Replace([.. automatic, operatorBan]);

        Assert.Equal(IpBanList.MaxBans, list.List().Count);
        Assert.True(list.IsBanned(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void AnAutomaticBanLeftOutOfAFullListForRoomIsNotReportedAsLifted()
    {
        var list = new IpBanList(_clock);
        var automatic = new IpBan(new IPNetwork(IPAddress.Parse("192.0.2.7"), 32), _clock.Now.AddMinutes(-5), _clock.Now.AddMinutes(30), "Too many invalid shares")
        {
            CreatedBy = IpBan.Automatic,
        };
        list.Replace([automatic]);
        var lifted = new List<IPNetwork>();
        list.Lifted += lifted.Add;
        var operators = Many(IpBanList.MaxBans, "root@example.com");

        // Another region's operators filled the list: the automatic ban is left out, yet nobody lifted it.
        list.Replace([.. operators, automatic]);
        Assert.False(list.IsBanned(IPAddress.Parse("192.0.2.7")));
        Assert.Empty(lifted);

        // Lifted for real: gone from the shared list. The operators' bans that went with it are reported too.
        list.Replace([automatic]);
        Assert.Equal(IpBanList.MaxBans, lifted.Count);
        lifted.Clear();
        list.Replace([]);
        Assert.Equal([automatic.Range], lifted);
    }

    [Fact]
    public void AListFullOfOperatorsBansRefusesAnotherWithoutThrowingAndStillRenewsOneItHolds()
    {
        var list = new IpBanList(_clock);
        list.Replace(Many(IpBanList.MaxBans, "root@example.com"));
        Assert.True(IpBanList.TryParseRange("192.0.2.7", out var range));

        var refused = list.TryAdd(range.Value, TimeSpan.FromHours(1), createdBy: "root@example.com");
        var held = list.List()[0].Range;
        var renewed = list.TryAdd(held, null, "renewed", "root@example.com");

        Assert.Null(refused);
        Assert.False(list.IsBanned(IPAddress.Parse("192.0.2.7")));
        Assert.Equal("renewed", renewed?.Reason);
        Assert.Equal(IpBanList.MaxBans, list.List().Count);
        Assert.Throws<InvalidOperationException>(() => list.Add(range.Value, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AnOperatorsBanOnAListFullOfAutomaticBansPushesOutTheOldestAutomaticOne()
    {
        var list = new IpBanList(_clock);
        var automatic = Many(IpBanList.MaxBans, IpBan.Automatic);
        list.Replace(automatic);
        var oldest = automatic.MinBy(b => b.CreatedAt)!;
        Assert.True(IpBanList.TryParseRange("192.0.2.7", out var range));

        var added = list.TryAdd(range.Value, null, "by hand", "root@example.com");
        var anotherAutomatic = list.TryAdd(IPNetwork.Parse("192.0.2.8/32"), TimeSpan.FromMinutes(10), createdBy: IpBan.Automatic);

        Assert.NotNull(added);
        Assert.True(list.IsBanned(IPAddress.Parse("192.0.2.7")));
        Assert.False(list.IsBanned(oldest.Range.BaseAddress));
        Assert.Equal(IpBanList.MaxBans, list.List().Count);
        Assert.Null(anotherAutomatic); // the stratum's own bans never push each other out
    }

    /// <summary><paramref name="count"/> single-address bans on 10.0.0.0/8, each a second older than the one before.</summary>
    private List<IpBan> Many(int count, string createdBy) =>
    [
        .. Enumerable.Range(0, count).Select(i => new IpBan(
            new IPNetwork(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]), 32), _clock.Now.AddSeconds(-i), _clock.Now.AddDays(1), null)
        {
            CreatedBy = createdBy,
        }),
    ];
}
