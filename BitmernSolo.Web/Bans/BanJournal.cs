using System.Net;
using System.Threading.Channels;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Web.Regions;

namespace BitmernSolo.Web.Bans;

/// <summary>
/// Changes this instance makes to the ban list, applied to the in-memory <see cref="IpBanList"/> at once and queued for
/// <see cref="BanSync"/> to write to the database: an admin's ban or lift, and the stratum's own invalid-share bans. Nothing
/// here waits on the database, so neither an admin page nor a stratum session stalls while it is slow or away. A snapshot
/// read back from the database replaces the list only while nothing is queued, so a change not yet written is never undone
/// by a read made before it.
/// </summary>
public sealed partial class BanJournal(IpBanList bans, InstanceIdentity self, ILogger<BanJournal> logger)
{
    /// <summary>Beyond this many unwritten changes (a long database outage under an auto-ban storm) new ones stay in memory only.</summary>
    public const int MaxPending = 10_000;

    private readonly Lock _lock = new();
    private readonly Queue<BanChange> _pending = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Becomes readable when a change is queued.</summary>
    internal ChannelReader<bool> Wake => _wake.Reader;

    /// <summary>The list as the stratum checks it.</summary>
    public IReadOnlyList<IpBan> List() => bans.List();

    /// <summary>
    /// Bans <paramref name="range"/> here at once and queues the write; null (nothing queued) when the list is full, see
    /// <see cref="IpBanList.TryAdd"/>.
    /// </summary>
    public IpBan? Ban(IPNetwork range, TimeSpan? duration, string? reason, string? createdBy)
    {
        IpBan? ban;
        lock (_lock)
        {
            ban = bans.TryAdd(range, duration, reason, createdBy, self.Region);
            if (ban is null)
            {
                return null;
            }

            Enqueue(new BanChange(range, ban));
        }

        _wake.Writer.TryWrite(true);
        return ban;
    }

    /// <summary>Lifts the ban on exactly <paramref name="range"/> here and queues the delete; false when there was none.</summary>
    public bool Lift(IPNetwork range)
    {
        lock (_lock)
        {
            if (!bans.Lift(range))
            {
                return false;
            }

            Enqueue(new BanChange(range, null));
        }

        _wake.Writer.TryWrite(true);
        return true;
    }

    /// <summary>
    /// Records a ban the stratum set itself (its gate already refuses the address): shown in the list at once, so the admin
    /// page lists it and can lift it before the next sync, and queued for the database. Called on a session's path: only
    /// memory. A list full of bans keeps it out (the gate still refuses the address; the database gets it).
    /// </summary>
    public void Record(IpBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        lock (_lock)
        {
            if (ban.Until is { } until && until > ban.CreatedAt)
            {
                bans.TryAdd(ban.Range, until - ban.CreatedAt, ban.Reason, IpBan.Automatic, self.Region);
            }

            Enqueue(new BanChange(ban.Range, ban with { Region = self.Region }));
        }

        _wake.Writer.TryWrite(true);
    }

    internal int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    internal bool TryPeek(out BanChange change)
    {
        lock (_lock)
        {
            return _pending.TryPeek(out change!);
        }
    }

    /// <summary>Drops <paramref name="change"/>, the oldest queued, once it is written.</summary>
    internal void Written(BanChange change)
    {
        lock (_lock)
        {
            if (_pending.TryPeek(out var first) && ReferenceEquals(first, change))
            {
                _pending.Dequeue();
            }
        }
    }

    /// <summary>
    /// Makes the list <paramref name="snapshot"/> unless a change is still queued (then false: the next pass, after the
    /// write, tries again). <paramref name="added"/>: bans on ranges the list did not hold.
    /// </summary>
    internal bool TryApply(IEnumerable<IpBan> snapshot, out IReadOnlyList<IpBan> added)
    {
        lock (_lock)
        {
            if (_pending.Count > 0)
            {
                added = [];
                return false;
            }

            added = bans.Replace(snapshot);
            return true;
        }
    }

    private void Enqueue(BanChange change)
    {
        if (_pending.Count >= MaxPending)
        {
            LogQueueFull(logger, change.Range.ToString());
            return;
        }

        _pending.Enqueue(change);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many ban changes wait for the database; the change to {Range} applies here but is not saved.")]
    private static partial void LogQueueFull(ILogger logger, string range);
}

/// <summary>A ban to write (<see cref="Ban"/> set) or the lift of <see cref="Range"/> (null).</summary>
internal sealed record BanChange(IPNetwork Range, IpBan? Ban);
