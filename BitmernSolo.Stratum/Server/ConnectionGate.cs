using System.Net;
using BitmernSolo.Stratum.Bans;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Per-IP admission shared by every port of the process: a cap on simultaneous connections and temporary bans (set when a
/// connection's invalid-share ratio is too high). Bounded: expired bans are pruned and the table has a size limit.
/// The automatic bans stay in this table, checked without any I/O; <see cref="AutoBanned"/> tells the host, which may keep them.
/// </summary>
public sealed class ConnectionGate
{
    private const int MaxTrackedBans = 100_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, int> _connections = [];
    private readonly Dictionary<IPAddress, DateTimeOffset> _bans = [];
    private readonly StratumServerOptions _options;
    private readonly TimeProvider _time;
    private readonly IpBanList? _operatorBans;

    public ConnectionGate(StratumServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>The operator's bans (addresses and CIDR ranges from the admin pages), checked beside the automatic ones.</summary>
    /// <remarks>A lift there of a single address also lifts this gate's automatic ban on it.</remarks>
    public IpBanList? OperatorBans
    {
        get => _operatorBans;
        init
        {
            _operatorBans = value;
            if (value is not null)
            {
                value.Lifted += OnOperatorLift;
            }
        }
    }

    /// <summary>
    /// Raised after an address is banned for its invalid shares (<see cref="IpBan.CreatedBy"/> is <see cref="IpBan.Automatic"/>).
    /// Raised on the submitting session's path: a handler must return at once (queue, never wait on I/O).
    /// </summary>
    public event Action<IpBan>? AutoBanned;

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

        var now = _time.GetUtcNow();
        var until = now + _options.BanDuration;
        lock (_lock)
        {
            if (_bans.Count >= MaxTrackedBans)
            {
                foreach (var expired in _bans.Where(b => b.Value <= now).Select(b => b.Key).ToList())
                {
                    _bans.Remove(expired);
                }
            }

            if (_bans.Count >= MaxTrackedBans)
            {
                return;
            }

            _bans[address] = until;
        }

        var banned = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        AutoBanned?.Invoke(new IpBan(new IPNetwork(banned, banned.GetAddressBytes().Length * 8), now, until, "Too many invalid shares")
        {
            CreatedBy = IpBan.Automatic,
        });
    }

    private void OnOperatorLift(IPNetwork range)
    {
        if (range.PrefixLength != range.BaseAddress.GetAddressBytes().Length * 8)
        {
            return;
        }

        lock (_lock)
        {
            _bans.Remove(range.BaseAddress);
            if (range.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            {
                _bans.Remove(range.BaseAddress.MapToIPv6()); // the gate keys addresses as the socket reported them
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
