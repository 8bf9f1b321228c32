using System.Net;
using Microsoft.AspNetCore.Connections;

namespace BitmernSolo.Web.Stratum;

/// <summary>
/// Kestrel's entry for stratum ports (<c>ListenOptions.UseConnectionHandler</c>): finds the pool of the local port and runs
/// the session on the connection's transport (already decrypted on TLS ports).
/// </summary>
public sealed class StratumConnectionHandler(
    StratumPoolRegistry registry, ILogger<StratumConnectionHandler> logger, Metrics.PoolMetrics? metrics = null) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var port = (connection.LocalEndPoint as IPEndPoint)?.Port ?? 0;
        if (!registry.TryGetPort(port, out var pool, out var varDiff))
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Stratum connection on port {Port} without a running pool closed.", port);
            }

            return;
        }

        var poolId = pool.Settings.PoolId;
        metrics?.ConnectionOpened(poolId, port);
        try
        {
            await pool.RunSessionAsync(connection.Transport, connection.RemoteEndPoint, port, varDiff, connection.ConnectionClosed).ConfigureAwait(false);
        }
        finally
        {
            metrics?.ConnectionClosed(poolId, port);
        }
    }
}
