using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// The daemons of every enabled pool, built once from configuration: the job manager of a pool takes its
/// <see cref="PoolDaemons.Clients"/> and <see cref="PoolDaemons.Monitor"/> (as its <see cref="IDaemonAvailability"/>), the
/// block lifecycle and network statistics jobs use the first usable daemon.
/// </summary>
public sealed class PoolDaemonRegistry : IDisposable
{
    /// <summary>Named <see cref="HttpClient"/> for daemon RPC (no client timeout: each call has its own).</summary>
    public const string HttpClientName = "daemons";

    private readonly Dictionary<string, PoolDaemons> _pools = new(StringComparer.OrdinalIgnoreCase);

    public PoolDaemonRegistry(IOptions<PoolListOptions> options, IHttpClientFactory httpClients, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        foreach (var config in options.Value.Pools.Where(p => p.Enabled && p.Daemons.Count > 0))
        {
            if (!CoinRegistry.TryGet(config.Coin, config.Network, out var network))
            {
                continue; // refused by PoolListValidator at start-up
            }

            var clients = config.Daemons
                .Select(d => new DaemonRpcClient(httpClients.CreateClient(HttpClientName), new DaemonEndpoint(new Uri(d.Url), d.User, d.Password, EmptyAsNull(d.CookieFile))))
                .ToList();
            var monitor = new DaemonHealthMonitor(config.Id, clients, network, config.FeeAddress, clock);
            _pools[config.Id] = new PoolDaemons(config, network, clients, monitor);
        }
    }

    public IReadOnlyCollection<PoolDaemons> Pools => _pools.Values;

    public PoolDaemons? Find(string poolId) => poolId is not null && _pools.TryGetValue(poolId, out var pool) ? pool : null;

    /// <summary>The last check of the pool's daemons; null for an unknown or disabled pool.</summary>
    public PoolDaemonStatus? GetStatus(string poolId) => Find(poolId)?.Monitor.Status;

    internal static string? EmptyAsNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Monitor.Dispose();
        }
    }
}
