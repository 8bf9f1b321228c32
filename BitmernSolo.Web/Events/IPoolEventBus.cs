namespace BitmernSolo.Web.Events;

/// <summary>
/// In-process fan-out of pool events to open Blazor circuits. The stratum integration publishes (found block, worker
/// online/offline); pages subscribe while they are open. Singleton.
/// </summary>
public interface IPoolEventBus
{
    /// <summary>Hands the event to every subscriber; never throws for a subscriber's failure and never waits for one.</summary>
    void Publish(PoolEvent poolEvent);

    /// <summary>Handlers run on the publisher's thread: a component must marshal with <c>InvokeAsync</c>. Dispose to stop.</summary>
    IDisposable Subscribe(Func<PoolEvent, Task> handler);
}
