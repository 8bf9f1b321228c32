using System.Collections.Immutable;

namespace BitmernSolo.Web.Events;

/// <summary>
/// The default <see cref="IPoolEventBus"/>: a copy-on-write list of handlers. A slow or failing page cannot hold up the
/// stratum thread that publishes (often under a session lock): each handler runs on the thread pool; failures are logged.
/// </summary>
public sealed partial class PoolEventBus(ILogger<PoolEventBus> logger) : IPoolEventBus
{
    private ImmutableList<Func<PoolEvent, Task>> _handlers = [];

    public int SubscriberCount => _handlers.Count;

    public void Publish(PoolEvent poolEvent)
    {
        ArgumentNullException.ThrowIfNull(poolEvent);
        foreach (var handler in _handlers)
        {
            _ = Task.Run(() => RunAsync(handler, poolEvent));
        }
    }

    public IDisposable Subscribe(Func<PoolEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(this, handler);
    }

    private async Task RunAsync(Func<PoolEvent, Task> handler, PoolEvent poolEvent)
    {
        try
        {
            await handler(poolEvent).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One page's failure must not reach the publisher or the other pages.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(ex, poolEvent.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {EventType} subscriber failed")]
    private partial void LogHandlerFailed(Exception exception, string eventType);

    private sealed class Subscription(PoolEventBus bus, Func<PoolEvent, Task> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref bus._handlers, list => list.Remove(handler));
    }
}
