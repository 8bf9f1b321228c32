namespace BitmernSolo.Stratum.Daemons;

/// <summary>Whether a daemon (or a pool's daemons together) can hand out work.</summary>
public enum DaemonState
{
    /// <summary>Not checked yet.</summary>
    Unknown = 0,

    /// <summary>On the configured chain, out of initial block download: templates from it are mined.</summary>
    Synced = 1,

    /// <summary>Still in initial block download: its templates would build on an old tip.</summary>
    Syncing = 2,

    /// <summary>Unreachable, refusing our credentials, or answering nonsense.</summary>
    Down = 3,

    /// <summary>On another chain than the pool is configured for.</summary>
    WrongChain = 4,

    /// <summary>On the configured chain, but <c>validateaddress</c> refuses the pool's fee address: no coinbase could pay it.</summary>
    FeeAddressRefused = 5,
}
