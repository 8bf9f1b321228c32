using BitmernSolo.Web.Components.Live;

namespace BitmernSolo.Tests.Miner;

public sealed class RefreshLoopTests
{
    [Fact]
    public async Task ATickWhileARefreshIsInFlightIsSkipped()
    {
        var release = new TaskCompletionSource();
        var calls = 0;
        using var loop = new RefreshLoop(async _ =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
        });

        var first = loop.TickAsync();
        var second = await loop.TickAsync();
        release.SetResult();

        Assert.True(await first);
        Assert.False(second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task APausedLoopDoesNotRefreshOnTicks()
    {
        var calls = 0;
        using var loop = new RefreshLoop(_ => { calls++; return Task.CompletedTask; }) { Paused = true };

        Assert.False(await loop.TickAsync());
        loop.Paused = false;
        Assert.True(await loop.TickAsync());
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task AReloadCancelsTheRefreshInFlight()
    {
        var started = new TaskCompletionSource();
        CancellationToken firstToken = default;
        var calls = 0;
        using var loop = new RefreshLoop(async ct =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstToken = ct;
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        });

        var first = loop.TickAsync();
        await started.Task;
        var reloaded = await loop.ReloadAsync();
        await first;

        Assert.True(reloaded);
        Assert.True(firstToken.IsCancellationRequested);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task OfSeveralQuickReloadsOnlyTheNewestRuns()
    {
        var gate = new TaskCompletionSource();
        var seen = new List<int>();
        var input = 0;
        using var loop = new RefreshLoop(async ct =>
        {
            var mine = input;
            if (mine == 0)
            {
                // The first load hangs on, ignoring cancellation for a moment, while the user clicks three coins.
                await gate.Task;
            }

            lock (seen)
            {
                seen.Add(mine);
            }
        });

        var hanging = loop.ReloadAsync();
        input = 1;
        var one = loop.ReloadAsync();
        input = 2;
        var two = loop.ReloadAsync();
        input = 3;
        var three = loop.ReloadAsync();
        gate.SetResult();
        var results = await Task.WhenAll(hanging, one, two, three);

        Assert.Equal([true, false, false, true], results);
        Assert.Equal([0, 3], seen);
    }

    [Fact]
    public async Task ADisposedLoopRefreshesNoMore()
    {
        var calls = 0;
        var loop = new RefreshLoop(_ => { calls++; return Task.CompletedTask; });
        loop.Dispose();

        Assert.False(await loop.TickAsync());
        Assert.False(await loop.ReloadAsync());
        Assert.Equal(0, calls);
    }
}
