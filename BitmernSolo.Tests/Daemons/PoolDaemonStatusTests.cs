using BitmernSolo.Stratum.Daemons;

namespace BitmernSolo.Tests.Daemons;

public sealed class PoolDaemonStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DaemonStatus Daemon(int index, DaemonState state) =>
        new($"http://127.0.0.1:{8332 + index}/", state, state == DaemonState.Synced ? null : $"reason {index}", "main",
            100 + index, 100 + index, 1, 8, 290000, "/Satoshi:29.0.0/", TimeSpan.FromMilliseconds(3), Now);

    [Theory]
    [InlineData(DaemonState.Synced, DaemonState.Down, DaemonState.Synced)]
    [InlineData(DaemonState.Synced, DaemonState.Syncing, DaemonState.WrongChain, DaemonState.Synced)]
    [InlineData(DaemonState.WrongChain, DaemonState.Down, DaemonState.WrongChain)]
    [InlineData(DaemonState.WrongChain, DaemonState.Syncing, DaemonState.FeeAddressRefused, DaemonState.WrongChain)]
    [InlineData(DaemonState.FeeAddressRefused, DaemonState.Syncing, DaemonState.FeeAddressRefused)]
    [InlineData(DaemonState.Syncing, DaemonState.Down, DaemonState.Syncing)]
    [InlineData(DaemonState.Down, DaemonState.Down, DaemonState.Down)]
    public void APoolIsSyncedIfAnyDaemonIsElseItTakesTheMostTellingFailure(DaemonState expected, params DaemonState[] daemons)
    {
        var status = PoolDaemonStatus.Summarize("btc", [.. daemons.Select((state, index) => Daemon(index, state))], Now);

        Assert.Equal(expected, status.State);
        Assert.Equal(Now, status.CheckedAt);
    }

    [Fact]
    public void AnUnsyncedPoolGivesEveryDaemonsReason()
    {
        var status = PoolDaemonStatus.Summarize("btc", [Daemon(0, DaemonState.Down), Daemon(1, DaemonState.Syncing)], Now);

        Assert.Equal("http://127.0.0.1:8332/: reason 0; http://127.0.0.1:8333/: reason 1", status.Reason);
        Assert.Equal(101, status.Height);
    }

    [Fact]
    public void ASyncedPoolHasNoReason() =>
        Assert.Null(PoolDaemonStatus.Summarize("btc", [Daemon(0, DaemonState.Down), Daemon(1, DaemonState.Synced)], Now).Reason);

    [Fact]
    public void APoolWithoutDaemonsIsDownAndSaysSo()
    {
        var status = PoolDaemonStatus.Summarize("btc", [], Now);

        Assert.Equal(DaemonState.Down, status.State);
        Assert.Equal("The pool has no daemon.", status.Reason);
    }
}
