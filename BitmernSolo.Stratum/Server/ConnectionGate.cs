using System.Net;
using BitmernSolo.Stratum.Bans;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Per-IP admission shared by every port of the process: a cap on simultaneous connections and temporary bans (set when a
/// connection's invalid-share ratio is too high). Bounded: expired bans are pruned and the table has a size limit.
/// </summary>
public sealed class ConnectionGate
{
    private const int MaxTrackedBans = 100_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, int> _connections = [];
    private readonly Dictionary<IPAddress, DateTimeOffset> _bans = [];
    private readonly StratumServerOptions _options;
    private readonly TimeProvider _time;

    public ConnectionGate(StratumServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>The operator's bans (addresses and CIDR ranges from the admin pages), checked beside the automatic ones.</summary>
    public IpBanList? OperatorBans { get; init; }

    /// <summary>Admits a connection from <paramref name="address"/> (null: unknown, always admitted); dispose the lease on close.</summary>
    public bool TryEnter(IPAddress? address, out IDisposable lease)
    {
        lease = new Lease(this, address);
        if (address is null)
        {
            return true;
        }

        lock (_lock)
        {
            if (IsBannedLocked(address))
            {
                return false;
            }

            _connections.TryGetValue(address, out var count);
            if (count >= _options.MaxConnectionsPerIp)
            {
                return false;
            }

            _connections[address] = count + 1;
            return true;
        }
    }

    public bool IsBanned(IPAddress address)
    {
        lock (_lock)
        {
            return IsBannedLocked(address);
        }
    }

    public void Ban(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_bans.Count >= MaxTrackedBans)
            {
                foreach (var expired in _bans.Where(b => b.Value <= now).Select(b => b.Key).ToList())
                {
                    _bans.Remove(expired);
                }
            }

            if (_bans.Count < MaxTrackedBans)
            {
                _bans[address] = now + _options.BanDuration;
            }
        }
    }

    private bool IsBannedLocked(IPAddress address)
    {
        if (OperatorBans?.IsBanned(address) == true)
        {
            return true;
        }

        if (!_bans.TryGetValue(address, out var until))
        {
            return false;
        }

        if (until > _time.GetUtcNow())
        {
            return true;
        }

        _bans.Remove(address);
        return false;
    }

    private void Leave(IPAddress address)
    {
        lock (_lock)
        {
            if (_connections.TryGetValue(address, out var count))
            {
                if (count <= 1)
                {
                    _connections.Remove(address);
                }
                else
                {
                    _connections[address] = count - 1;
                }
            }
        }
    }

    private sealed class Lease(ConnectionGate gate, IPAddress? address) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (address is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(address);
            }
        }
    }
}
