using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Events;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Miner;

public sealed class StratumEventBridgeTests
{
    private const string Hash = "00000000000000000000000000000000000000000000000000000000000000ab";

    private sealed class RecordingBus : IPoolEventBus
    {
        public List<PoolEvent> Published { get; } = [];

        public void Publish(PoolEvent poolEvent) => Published.Add(poolEvent);

        public IDisposable Subscribe(Func<PoolEvent, Task> handler) => throw new NotSupportedException();
    }

    private static FoundBlock Block(bool accepted) => new(
        "ltc", 433, Hash256.FromDisplayHex(Hash), "rltc1qslj02aeqrc8293y5amkjjf49w87armg5xh7jdp", "rig1", 5e6,
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), accepted, accepted ? null : "high-hash", []);

    [Fact]
    public void AnAcceptedBlockIsAnnouncedWithItsDisplayHashAndFinder()
    {
        var bus = new RecordingBus();
        var bridge = new StratumEventBridge(new ServiceCollection().BuildServiceProvider(), bus, TimeProvider.System);

        bridge.OnBlockFound(Block(accepted: true));

        var found = Assert.IsType<BlockFoundEvent>(Assert.Single(bus.Published));
        Assert.Equal(("ltc", 433L, Hash, "rig1"), (found.PoolId, found.Height, found.Hash, found.Worker));
    }

    [Fact]
    public void ABlockEveryDaemonRefusedIsNotAnnouncedAsFound()
    {
        var bus = new RecordingBus();
        var bridge = new StratumEventBridge(new ServiceCollection().BuildServiceProvider(), bus, TimeProvider.System);

        bridge.OnBlockFound(Block(accepted: false));

        Assert.Empty(bus.Published);
    }

    [Fact]
    public async Task WithoutAStratumHostedHereTheBridgeStartsAndStopsQuietly()
    {
        var bridge = new StratumEventBridge(new ServiceCollection().BuildServiceProvider(), new RecordingBus(), TimeProvider.System);

        await bridge.StartAsync(TestContext.Current.CancellationToken);
        await bridge.StopAsync(TestContext.Current.CancellationToken);
    }
}
