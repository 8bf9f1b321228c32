namespace BitmernSolo.Web.Components.Live;

/// <summary>
/// A dashboard's refresh rhythm. Ticks never overlap: a tick while a refresh is in flight is skipped. A reload (the page
/// switched to another coin or address) cancels the refresh in flight and runs at once; of several quick reloads only the
/// newest runs, so switching fast never stacks requests. While <see cref="Paused"/> (tab hidden) ticks do nothing.
/// </summary>
public sealed class RefreshLoop(Func<CancellationToken, Task> refresh) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private CancellationTokenSource? _inFlight;
    private long _generation;

    public bool Paused { get; set; }

    /// <summary>How many refreshes actually ran (for tests and diagnostics).</summary>
    public int Runs { get; private set; }

    /// <summary>A timer tick: refreshes unless paused or already refreshing. True when it ran.</summary>
    public async Task<bool> TickAsync()
    {
        if (Paused || _disposed.IsCancellationRequested || !await _gate.WaitAsync(0))
        {
            return false;
        }

        try
        {
            await RunAsync();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Refresh now for new inputs, superseding whatever is in flight or waiting. True when this call's refresh ran.</summary>
    public async Task<bool> ReloadAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return false;
        }

        var generation = Interlocked.Increment(ref _generation);
        await CancelInFlightAsync();
        try
        {
            await _gate.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            if (generation != Interlocked.Read(ref _generation))
            {
                return false;
            }

            await RunAsync();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
        }

        _disposed.Dispose();
    }

    private async Task CancelInFlightAsync()
    {
        var current = Volatile.Read(ref _inFlight);
        if (current is not null)
        {
            try
            {
                await current.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // It finished meanwhile.
            }
        }
    }

    private async Task RunAsync()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        Volatile.Write(ref _inFlight, cts);
        try
        {
            Runs++;
            await refresh(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Superseded or disposed: the newer refresh (or nobody) shows the result.
        }
        finally
        {
            Interlocked.CompareExchange(ref _inFlight, null, cts);
        }
    }
}
