using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Pools;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Web;

public sealed class PoolDirectoryTests
{
    private static PoolDirectory Directory(params CoinPoolOptions[] pools) =>
        new(Options.Create(new PoolListOptions { Pools = [.. pools] }), Options.Create(new PoolOptions { StratumHost = "pool.example" }));

    [Fact]
    public void EveryResolvablePoolIsListedEnabledOrNotInConfigurationOrder()
    {
        var pools = Directory(
            new CoinPoolOptions { Id = "ltc", Coin = "litecoin", Network = "regtest", Enabled = true },
            new CoinPoolOptions { Id = "btc", Coin = "bitcoin", Network = "main" },
            new CoinPoolOptions { Id = "xyz", Coin = "no-such-coin", Network = "main", Enabled = true });

        Assert.Equal(["ltc", "btc"], pools.All.Select(p => p.Id));
        Assert.Equal(["ltc"], pools.Enabled.Select(p => p.Id));
        Assert.Equal("pool.example", pools.StratumHost);
    }

    [Theory]
    [InlineData("ltc")]
    [InlineData("LTC")]
    [InlineData("Ltc")]
    public void PoolsAreFoundByIdCaseInsensitivelyAsInUrls(string id)
    {
        var pools = Directory(new CoinPoolOptions { Id = "ltc", Coin = "litecoin", Network = "regtest" });

        Assert.True(pools.TryGet(id, out var pool));
        Assert.Same(pool, pools.Find(id));
        Assert.Equal(CoinRegistry.Get("litecoin", NetworkKind.Regtest), pool.Network);
        Assert.Equal("LTC", pool.Symbol);
        Assert.Equal(pool.Network.ShareMultiplier, pool.ShareMultiplier);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("btc")]
    public void AnUnknownIdFindsNothing(string? id)
    {
        var pools = Directory(new CoinPoolOptions { Id = "ltc", Coin = "litecoin", Network = "regtest" });

        Assert.False(pools.TryGet(id, out _));
        Assert.Null(pools.Find(id));
    }
}
