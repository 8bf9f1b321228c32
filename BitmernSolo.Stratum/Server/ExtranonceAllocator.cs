using System.Buffers.Binary;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Hands out 4-byte extranonce1 values unique among the live sessions of a pool: the instance prefix byte (so several
/// regions never collide), then a 24-bit counter that skips values still in use.
/// </summary>
public sealed class ExtranonceAllocator
{
    /// <summary>Extranonce1 size in bytes.</summary>
    public const int Size = 4;

    private const uint CounterMask = 0x00ff_ffff;
    private readonly Lock _lock = new();
    private readonly HashSet<uint> _live = [];
    private readonly uint _prefix;
    private uint _next;

    public ExtranonceAllocator(byte instancePrefix, uint firstCounter = 0)
    {
        _prefix = (uint)instancePrefix << 24;
        _next = firstCounter & CounterMask;
    }

    public int LiveCount
    {
        get
        {
            lock (_lock)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>Reserves an unused value; false when all 2^24 are live.</summary>
    public bool TryAllocate(out uint extranonce1)
    {
        lock (_lock)
        {
            for (uint attempts = 0; attempts <= CounterMask; attempts++)
            {
                var candidate = _prefix | _next;
                _next = (_next + 1) & CounterMask;
                if (_live.Add(candidate))
                {
                    extranonce1 = candidate;
                    return true;
                }
            }

            extranonce1 = 0;
            return false;
        }
    }

    public void Release(uint extranonce1)
    {
        lock (_lock)
        {
            _live.Remove(extranonce1);
        }
    }

    /// <summary>The wire form: big-endian bytes, so the prefix is the first byte the miner puts into the coinbase.</summary>
    public static void WriteBytes(uint extranonce1, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, extranonce1);
}
