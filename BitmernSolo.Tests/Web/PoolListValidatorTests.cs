using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Tests.Web;

/// <summary>Rules that need a shape the shipped file cannot be patched into (array elements cannot be removed by overrides).</summary>
public sealed class PoolListValidatorTests
{
    private static CoinPoolOptions Pool(string id, int port) => new()
    {
        Id = id,
        Coin = "litecoin",
        Network = "regtest",
        Daemons = [new DaemonOptions { Url = "http://127.0.0.1:19443/" }],
        Ports = [new PortOptions { Port = port, Name = "any" }],
    };

    [Fact]
    public void AnEnabledPoolWithNoDaemonIsRejected()
    {
        var pool = Pool("ltc", 3333);
        pool.Enabled = true;
        pool.Daemons.Clear();

        var result = new PoolListValidator().Validate(null, new PoolListOptions { Pools = [pool] });

        Assert.True(result.Failed);
        Assert.Contains("Pools:0:Daemons: an enabled pool needs at least one daemon", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ADisabledPoolWithNoDaemonIsAccepted()
    {
        var pool = Pool("ltc", 3333);
        pool.Daemons.Clear();

        var result = new PoolListValidator().Validate(null, new PoolListOptions { Pools = [pool] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void PoolIdsAreComparedIgnoringCase()
    {
        var result = new PoolListValidator().Validate(null, new PoolListOptions { Pools = [Pool("ltc", 3333), Pool("LTC", 3334)] });

        Assert.Contains("Pools:1:Id: duplicate pool id 'LTC' (also used by Pools:0)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidRegtestPoolIsAccepted()
    {
        var result = new PoolListValidator().Validate(null, new PoolListOptions { Pools = [Pool("ltc", 3333)] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
