using BitmernSolo.Web.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace BitmernSolo.Tests.Miner;

public sealed class PoolEventBusTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EverySubscriberHearsAPublishedBlock()
    {
        var bus = new PoolEventBus(NullLogger<PoolEventBus>.Instance);
        var a = new TaskCompletionSource<PoolEvent>();
        var b = new TaskCompletionSource<PoolEvent>();
        using var first = bus.Subscribe(e => { a.TrySetResult(e); return Task.CompletedTask; });
        using var second = bus.Subscribe(e => { b.TrySetResult(e); return Task.CompletedTask; });
        var block = new BlockFoundEvent("ltc", At, 101, new string('0', 64), "rltc1qslj02aeqrc8293y5amkjjf49w87armg5xh7jdp", "rig1");

        bus.Publish(block);

        Assert.Same(block, await a.Task);
        Assert.Same(block, await b.Task);
    }

    [Fact]
    public void ADisposedSubscriptionHearsNothing()
    {
        var bus = new PoolEventBus(NullLogger<PoolEventBus>.Instance);
        var heard = 0;
        var subscription = bus.Subscribe(_ => { heard++; return Task.CompletedTask; });

        subscription.Dispose();
        bus.Publish(new WorkerStatusEvent("ltc", At, "addr", "rig1", Online: false));

        Assert.Equal(0, heard);
        Assert.Equal(0, bus.SubscriberCount);
    }

    [Fact]
    public async Task AFailingSubscriberNeitherReachesThePublisherNorStopsTheOthers()
    {
        var bus = new PoolEventBus(NullLogger<PoolEventBus>.Instance);
        var other = new TaskCompletionSource();
        using var failing = bus.Subscribe(_ => throw new InvalidOperationException("page broke"));
        using var good = bus.Subscribe(_ => { other.TrySetResult(); return Task.CompletedTask; });

        bus.Publish(new WorkerStatusEvent("ltc", At, "addr", "rig1", Online: true));

        await other.Task;
    }

    [Fact]
    public void APublisherDoesNotWaitForASlowSubscriber()
    {
        var bus = new PoolEventBus(NullLogger<PoolEventBus>.Instance);
        var never = new TaskCompletionSource();
        using var slow = bus.Subscribe(_ => never.Task);

        bus.Publish(new WorkerStatusEvent("ltc", At, "addr", "rig1", Online: true));

        Assert.False(never.Task.IsCompleted);
    }
}
