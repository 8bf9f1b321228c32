using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// Where every new-block trigger of a pool ends up (ZMQ <c>hashblock</c>, the HTTP block-notify endpoint, long polling,
/// best-hash polling): the first to report a tip makes new work, later reports of the same tip are ignored.
/// </summary>
public interface INewBlockSink
{
    /// <summary>
    /// A new tip was announced (<paramref name="blockHash"/> when the trigger knows it). Fetches a template at once and
    /// publishes it when its previous block is new; false when it was a duplicate or no daemon gave work.
    /// </summary>
    Task<bool> NotifyNewBlockAsync(Hash256? blockHash, string source, CancellationToken cancellationToken);

    /// <summary>When and by which trigger the tip now mined on was first seen; null before the first template.</summary>
    TipSighting? LastTip { get; }
}

/// <summary>
/// The moment a tip was first seen (<see cref="System.Diagnostics.Stopwatch"/> timestamp) and by which trigger
/// ("zmq", "blocknotify", "longpoll", "poll", "template" when the template itself was the first sign).
/// </summary>
public sealed record TipSighting(Hash256? BlockHash, long Timestamp, string Source);
