using System.Net;
using BitmernSolo.Stratum.Shares;
using StratumFoundBlock = BitmernSolo.Stratum.Server.FoundBlock;

namespace BitmernSolo.Web.Mining;

/// <summary>
/// The hook point of everything the pools do, for features outside mining (page push, metrics, alerts): they subscribe to
/// these events instead of to each stratum pool. Handlers run on the pool's threads, so they only record or enqueue; a
/// handler's exception is logged and never reaches a miner's session.
/// </summary>
public sealed class PoolActivity(ILogger<PoolActivity> logger)
{
    /// <summary>A share met the network target and was submitted (accepted or not), before it is in the database.</summary>
    public event Action<StratumFoundBlock>? BlockFound;

    /// <summary>A found block's row was written (its id set): for pages, alerts and the block lifecycle.</summary>
    public event Action<Data.Pool.FoundBlock>? BlockRecorded;

    /// <summary>A connection authorized its first worker (worker, remote address, user agent).</summary>
    public event Action<WorkerKey, IPAddress?, string?>? WorkerConnected;

    /// <summary>An authorized connection closed.</summary>
    public event Action<WorkerKey>? WorkerDisconnected;

    /// <summary>A minute of share counters was taken from the aggregator (written now, or kept until the database answers).</summary>
    public event Action<IReadOnlyList<ShareCounters>>? SharesCounted;

    internal void OnBlockFound(StratumFoundBlock block) => Raise(BlockFound, block);

    internal void OnBlockRecorded(Data.Pool.FoundBlock block) => Raise(BlockRecorded, block);

    internal void OnWorkerConnected(WorkerKey worker, IPAddress? address, string? userAgent)
    {
        foreach (var handler in WorkerConnected?.GetInvocationList() ?? [])
        {
            Invoke(() => ((Action<WorkerKey, IPAddress?, string?>)handler)(worker, address, userAgent));
        }
    }

    internal void OnWorkerDisconnected(WorkerKey worker) => Raise(WorkerDisconnected, worker);

    internal void OnSharesCounted(IReadOnlyList<ShareCounters> counters) => Raise(SharesCounted, counters);

    private void Raise<T>(Action<T>? handlers, T value)
    {
        foreach (var handler in handlers?.GetInvocationList() ?? [])
        {
            Invoke(() => ((Action<T>)handler)(value));
        }
    }

    private void Invoke(Action call)
    {
        try
        {
            call();
        }
#pragma warning disable CA1031 // A subscriber's bug must not break mining.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "A pool activity subscriber failed.");
        }
    }
}
