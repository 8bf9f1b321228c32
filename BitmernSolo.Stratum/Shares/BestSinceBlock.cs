namespace BitmernSolo.Stratum.Shares;

/// <summary>
/// A worker's best share since the pool's last block, when that block may be learnt of late: another region finds it, and
/// this instance hears of it a minute later, after more shares. So the shares are kept by time, and a block at time T leaves
/// exactly the best share from T on, whenever it comes.
/// </summary>
/// <remarks>
/// Only the suffix maxima are kept (a share with a later one at least as good can never be the best from any moment on):
/// times rise and difficulties fall along the list, and its length is the number of record-from-the-right shares, about
/// ln n for n random hashes. Not thread-safe: <see cref="WorkerShareStats"/> holds its lock around every call.
/// </remarks>
internal sealed class BestSinceBlock
{
    /// <summary>
    /// A bound against a miner who submits held shares hardest first: past it the second-oldest entry goes, which only
    /// matters for a block found between the two oldest shares and learnt of after both.
    /// </summary>
    private const int MaxEntries = 64;

    private readonly List<(DateTimeOffset Time, double Difficulty)> _entries = [];
    private DateTimeOffset _blockTime = DateTimeOffset.MinValue;

    /// <summary>The best share from the last block on (0 when none).</summary>
    public double Best => _entries.Count == 0 ? 0 : _entries[0].Difficulty;

    public void Add(DateTimeOffset time, double difficulty)
    {
        if (time < _blockTime)
        {
            return; // accounted before the block, on a thread that lost the race to the reset
        }

        // Sessions account on their own threads, so a share can arrive a few ticks behind the newest one.
        var at = _entries.Count;
        while (at > 0 && _entries[at - 1].Time > time)
        {
            at--;
        }

        if (at < _entries.Count && _entries[at].Difficulty >= difficulty)
        {
            return;
        }

        var from = at;
        while (from > 0 && _entries[from - 1].Difficulty <= difficulty)
        {
            from--;
        }

        _entries.RemoveRange(from, at - from);
        _entries.Insert(from, (time, difficulty));
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveAt(1);
        }
    }

    /// <summary>
    /// Forgets the shares accounted before <paramref name="blockTime"/>, the block's own among them (accounted before it
    /// was submitted); an older block changes nothing.
    /// </summary>
    public void StartAt(DateTimeOffset blockTime)
    {
        if (blockTime <= _blockTime)
        {
            return;
        }

        _blockTime = blockTime;
        var from = _entries.FindIndex(e => e.Time >= blockTime);
        _entries.RemoveRange(0, from < 0 ? _entries.Count : from);
    }
}
