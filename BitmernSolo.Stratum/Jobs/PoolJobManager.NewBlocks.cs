using System.Diagnostics;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>New-block triggers: whichever reports a tip first makes the clean job; duplicates are dropped by previous block.</summary>
public sealed partial class PoolJobManager
{
    private volatile TipSighting? _pendingTip;

    public TipSighting? LastTip { get; private set; }

    /// <summary>When the newest job was published (a new template from the daemon); null before the first.</summary>
    public DateTimeOffset? LastPublishedAt => _current is null ? null : _lastPublished;

    public async Task<bool> NotifyNewBlockAsync(Hash256? blockHash, string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (blockHash is { } known && _current?.Template.PreviousBlockHash == known)
        {
            return false; // another trigger already delivered it
        }

        SawTip(blockHash, source);
        var template = await FetchTemplateAsync(null, null, cancellationToken).ConfigureAwait(false);
        if (template is null || (_noWorkReason is null && _current?.Template.PreviousBlockHash == template.PreviousBlockHash))
        {
            return false;
        }

        return Publish(template);
    }

    /// <summary>
    /// A long poll's answer: published unless it is the template we already have (another trigger fetched it first:
    /// same previous block and same <c>longpollid</c>).
    /// </summary>
    private bool PublishIfNew(BlockTemplate template, string source)
    {
        var current = _current?.Template;
        if (current is not null && current.PreviousBlockHash == template.PreviousBlockHash)
        {
            return current.LongPollId != template.LongPollId && Publish(template);
        }

        SawTip(template.PreviousBlockHash, source);
        return Publish(template);
    }

    /// <summary>Remembers the first sighting of a tip not yet mined on (an earlier sighting of the same tip wins).</summary>
    private void SawTip(Hash256? blockHash, string source)
    {
        var pending = _pendingTip;
        if (pending is not null && (pending.BlockHash is null || blockHash is null || pending.BlockHash == blockHash))
        {
            return;
        }

        _pendingTip = new TipSighting(blockHash, Stopwatch.GetTimestamp(), source);
    }

    /// <summary>The sighting that led to a clean job on <paramref name="previousBlock"/> (consumed), or "now" when none did.</summary>
    private TipSighting TipFor(Hash256 previousBlock)
    {
        var pending = _pendingTip;
        _pendingTip = null;
        return pending is not null && (pending.BlockHash is null || pending.BlockHash == previousBlock)
            ? pending with { BlockHash = previousBlock }
            : new TipSighting(previousBlock, Stopwatch.GetTimestamp(), "template");
    }

    private ValueTask<DaemonSelection> SelectDaemonsAsync(CancellationToken cancellationToken) =>
        _availability?.SelectAsync(cancellationToken) ?? ValueTask.FromResult(new DaemonSelection(_daemons, null));
}
