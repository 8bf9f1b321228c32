using System.Diagnostics;
using System.Globalization;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// Watches one pool's daemons: each check asks every daemon for its chain (must be the configured network's
/// <see cref="CoinNetwork.ChainName"/>), sync state, peers and version, and once whether it accepts the pool's fee address.
/// Templates come from the first synced daemon in configuration order (<see cref="SelectAsync"/>).
/// </summary>
public sealed class DaemonHealthMonitor : IDaemonAvailability, IDisposable
{
    private readonly IReadOnlyList<DaemonRpcClient> _daemons;
    private readonly CoinNetwork _network;
    private readonly string? _feeAddress;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _checkGate = new(1, 1);
    private volatile PoolDaemonStatus _status;

    public DaemonHealthMonitor(string poolId, IReadOnlyList<DaemonRpcClient> daemons, CoinNetwork network, string? feeAddress, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(poolId);
        ArgumentNullException.ThrowIfNull(daemons);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(clock);
        PoolId = poolId;
        _daemons = daemons;
        _network = network;
        _feeAddress = string.IsNullOrWhiteSpace(feeAddress) ? null : feeAddress;
        _clock = clock;
        _status = PoolDaemonStatus.NotChecked(poolId);
    }

    public string PoolId { get; }

    public IReadOnlyList<DaemonRpcClient> Daemons => _daemons;

    /// <summary>The last check's result.</summary>
    public PoolDaemonStatus Status => _status;

    /// <summary>Raised after every check (metrics: each daemon's RPC latency).</summary>
    public event Action<PoolDaemonStatus>? Checked;

    /// <summary>Raised after every check whose pool state or reason differs from the previous one.</summary>
    public event Action<PoolDaemonStatus>? StatusChanged;

    public async ValueTask<DaemonSelection> SelectAsync(CancellationToken cancellationToken)
    {
        var status = _status;
        if (!status.CanMine)
        {
            status = await CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        return Selection(status);
    }

    /// <summary>Checks every daemon now (concurrently) and publishes the result.</summary>
    public async Task<PoolDaemonStatus> CheckAsync(CancellationToken cancellationToken)
    {
        await _checkGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var daemons = await Task.WhenAll(_daemons.Select(d => CheckDaemonAsync(d, cancellationToken))).ConfigureAwait(false);
            var previous = _status;
            var status = PoolDaemonStatus.Summarize(PoolId, daemons, _clock.GetUtcNow());
            _status = status;
            Checked?.Invoke(status);
            if (previous.State != status.State || previous.Reason != status.Reason)
            {
                StatusChanged?.Invoke(status);
            }

            return status;
        }
        finally
        {
            _checkGate.Release();
        }
    }

    /// <summary>Checks every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await CheckAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public void Dispose() => _checkGate.Dispose();

    private DaemonSelection Selection(PoolDaemonStatus status)
    {
        var usable = _daemons.Where((_, i) => i < status.Daemons.Count && status.Daemons[i].State == DaemonState.Synced).ToList();
        return new DaemonSelection(usable, usable.Count > 0 ? null : status.Reason);
    }

    private async Task<DaemonStatus> CheckDaemonAsync(DaemonRpcClient daemon, CancellationToken cancellationToken)
    {
        var endpoint = daemon.Endpoint.ToString();
        var started = Stopwatch.GetTimestamp();
        BlockchainInfo chain;
        try
        {
            chain = await daemon.GetBlockchainInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DaemonRpcException e)
        {
            return new DaemonStatus(endpoint, DaemonState.Down, e.DaemonMessage, null, 0, 0, 0, 0, 0, null, Stopwatch.GetElapsedTime(started), _clock.GetUtcNow());
        }

        var latency = Stopwatch.GetElapsedTime(started);
        NetworkInfo? network = null;
        string? feeProblem = null;
        try
        {
            network = await daemon.GetNetworkInfoAsync(cancellationToken).ConfigureAwait(false);
            if (_feeAddress is not null && await daemon.ValidateAddressAsync(_feeAddress, cancellationToken).ConfigureAwait(false) is not { IsValid: true })
            {
                feeProblem = $"the daemon refuses the pool's fee address '{_feeAddress}'";
            }
        }
        catch (DaemonRpcException e)
        {
            return new DaemonStatus(endpoint, DaemonState.Down, e.DaemonMessage, chain.Chain, chain.Blocks, chain.Headers, chain.VerificationProgress, 0, 0, null, latency, _clock.GetUtcNow());
        }

        var (state, reason) = Judge(chain, feeProblem);
        return new DaemonStatus(endpoint, state, reason, chain.Chain, chain.Blocks, chain.Headers, chain.VerificationProgress,
            network.Connections, network.Version, network.SubVersion, latency, _clock.GetUtcNow());
    }

    private (DaemonState State, string? Reason) Judge(BlockchainInfo chain, string? feeProblem)
    {
        if (!string.Equals(chain.Chain, _network.ChainName, StringComparison.Ordinal))
        {
            return (DaemonState.WrongChain, $"daemon is on '{chain.Chain}', pool configured for '{_network.ChainName}'");
        }

        if (feeProblem is not null)
        {
            return (DaemonState.FeeAddressRefused, feeProblem);
        }

        if (chain.InitialBlockDownload)
        {
            var percent = (chain.VerificationProgress * 100).ToString("0.00", CultureInfo.InvariantCulture);
            // Core leaves initial block download only once its tip is younger than -maxtipage (24 h): with every header
            // downloaded it is waiting for a recent block (a fresh chain, or a node that was offline), not verifying.
            return chain.Blocks < chain.Headers
                ? (DaemonState.Syncing, string.Create(CultureInfo.InvariantCulture, $"syncing: block {chain.Blocks} of {chain.Headers} headers ({percent} %)"))
                : (DaemonState.Syncing, string.Create(CultureInfo.InvariantCulture, $"syncing: at block {chain.Blocks} of {chain.Headers} headers ({percent} %), but its tip is too old; waiting for a recent block (initial block download)"));
        }

        return (DaemonState.Synced, null);
    }
}
