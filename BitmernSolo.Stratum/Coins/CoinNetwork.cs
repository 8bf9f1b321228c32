using System.Collections.Immutable;

namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// One chain of one coin: everything the pool needs to turn an address into a script, ask the daemon for a template,
/// and judge a found block. Pure data; built only by <see cref="CoinDefinition"/>s in <see cref="CoinRegistry"/>.
/// </summary>
public sealed record CoinNetwork
{
    public required CoinDefinition Coin { get; init; }

    public required NetworkKind Kind { get; init; }

    /// <summary>Base58Check version byte of P2PKH addresses (Core's <c>PUBKEY_ADDRESS</c>).</summary>
    public required byte P2pkhVersion { get; init; }

    /// <summary>Base58Check version byte of P2SH addresses that the daemon itself prints.</summary>
    public required byte P2shVersion { get; init; }

    /// <summary>
    /// A second P2SH version byte the daemon still accepts on input (Litecoin's old '3'/'2' prefix, Core's
    /// <c>SCRIPT_ADDRESS</c> beside <c>SCRIPT_ADDRESS2</c>), or null.
    /// </summary>
    public byte? LegacyP2shVersion { get; init; }

    /// <summary>Segwit address prefix (BIP173 HRP), or null when the coin has no segwit.</summary>
    public string? Bech32Hrp { get; init; }

    /// <summary>Whether witness v1 (taproot) outputs are spendable on this chain, so paying one is safe.</summary>
    public bool SupportsTaproot { get; init; }

    /// <summary>Litecoin MWEB stealth-address prefix; such addresses cannot be paid by a coinbase.</summary>
    public string? MwebHrp { get; init; }

    /// <summary>Bitcoin Cash CashAddr prefix, or null.</summary>
    public string? CashAddrPrefix { get; init; }

    /// <summary>The <c>rules</c> array to send in <c>getblocktemplate</c>'s template request.</summary>
    public required ImmutableArray<string> GbtRules { get; init; }

    public required CoinbaseMaturity CoinbaseMaturity { get; init; }

    /// <summary>Target spacing between blocks of the whole chain (consensus <c>nPowTargetSpacing</c>).</summary>
    public required int BlockTimeSeconds { get; init; }

    /// <summary>Default JSON-RPC port of the daemon on this network.</summary>
    public required int DefaultRpcPort { get; init; }

    /// <summary>The <c>chain</c> field <c>getblockchaininfo</c> returns on this network.</summary>
    public required string ChainName { get; init; }

    public string CoinId => Coin.Id;

    public PowAlgorithm Algorithm => Coin.Algorithm;

    public uint ShareMultiplier => Coin.ShareMultiplier;

    public bool SupportsSegwit => Bech32Hrp is not null;

    public bool HasMweb => MwebHrp is not null;

    public bool SupportsCashAddr => CashAddrPrefix is not null;

    /// <summary>"Litecoin mainnet", "Bitcoin regtest", "DigiByte (SHA-256) testnet".</summary>
    public string DisplayName => $"{Coin.DisplayName} {NetworkLabel}";

    public string NetworkLabel => Kind switch
    {
        NetworkKind.Main => "mainnet",
        NetworkKind.Test => "testnet",
        _ => "regtest",
    };

    public override string ToString() => DisplayName;
}
