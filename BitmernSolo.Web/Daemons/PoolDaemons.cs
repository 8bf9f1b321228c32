using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Web.Daemons;

/// <summary>One enabled pool's daemons: their RPC clients in configuration order and the monitor that ranks them.</summary>
public sealed record PoolDaemons(CoinPoolOptions Config, CoinNetwork Network, IReadOnlyList<DaemonRpcClient> Clients, DaemonHealthMonitor Monitor)
{
    public string PoolId => Config.Id;

    /// <summary>The first synced daemon (re-checking when none is), or null with the monitor's reason in its status.</summary>
    public async Task<DaemonRpcClient?> FirstUsableAsync(CancellationToken cancellationToken)
    {
        var selection = await Monitor.SelectAsync(cancellationToken).ConfigureAwait(false);
        return selection.Daemons.Count > 0 ? selection.Daemons[0] : null;
    }
}
