namespace BitmernSolo.Web.Stratum;

/// <summary>On graceful shutdown, tells every miner to reconnect (they come back to this or another instance) before Kestrel stops.</summary>
public sealed class StratumShutdownService(StratumPoolRegistry registry, IHostApplicationLifetime lifetime) : IHostedService
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);
    private Task _shutdown = Task.CompletedTask;
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping fires before any server or hosted service stops, while connections are still open.
        _registration = lifetime.ApplicationStopping.Register(() =>
            _shutdown = Task.WhenAll(registry.Pools.Select(pool => pool.ShutdownAsync(Drain))));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _registration.DisposeAsync().ConfigureAwait(false);
        await _shutdown.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
