namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// DigiByte, mined on one of its five algorithms; the pool treats each algorithm as its own coin id. Sources
/// (digibyte/digibyte 7.17 @ 0b8a04f): src/chainparams.cpp (PUBKEY_ADDRESS 30, SCRIPT_ADDRESS 63 main; 126/140 test
/// and regtest; bech32_hrp dgb/dgbt/dgbrt; nPowTargetSpacing 60/4 = 15 s for the chain, so 75 s per algorithm),
/// src/chainparamsbase.cpp (RPC 14022/14023/18443), src/consensus/consensus.h and src/consensus/tx_verify.cpp
/// (coinbases below height 145000 mature after COINBASE_MATURITY 8, later ones after COINBASE_MATURITY_2 100; the
/// height is hard-coded, so it applies on test and regtest too), src/rpc/mining.cpp (getblocktemplate's second
/// argument names the algorithm: "sha256d", "scrypt"; the "segwit" rule as in Bitcoin).
/// The old mainnet SCRIPT_ADDRESS_OLD (5) is not accepted by DigiByte's DecodeDestination, so we reject it too.
/// Taproot is not assumed active on DigiByte: v1+ outputs are refused rather than risk an anyone-can-spend payout.
/// </summary>
internal static class DigiByteCoin
{
    private const long MultiAlgoHeight = 145_000;

    public static CoinDefinition CreateSha256() => Create("digibyte-sha256", "DigiByte (SHA-256)", PowAlgorithm.Sha256d, 1, "sha256d");

    public static CoinDefinition CreateScrypt() => Create("digibyte-scrypt", "DigiByte (Scrypt)", PowAlgorithm.Scrypt, 65536, "scrypt");

    private static CoinDefinition Create(string id, string name, PowAlgorithm algorithm, uint multiplier, string gbtAlgorithm) => new(
        id: id,
        displayName: name,
        symbol: "DGB",
        algorithm: algorithm,
        shareMultiplier: multiplier,
        gbtAlgorithm: gbtAlgorithm,
        networks: coin =>
        [
            Network(coin, NetworkKind.Main, 30, 63, "dgb", 14022, "main"),
            Network(coin, NetworkKind.Test, 126, 140, "dgbt", 14023, "test"),
            Network(coin, NetworkKind.Regtest, 126, 140, "dgbrt", 18443, "regtest"),
        ])
    {
        ChainDisplayName = "DigiByte",
    };

    private static CoinNetwork Network(
        CoinDefinition coin, NetworkKind kind, byte p2pkh, byte p2sh, string hrp, int rpcPort, string chain) => new()
    {
        Coin = coin,
        Kind = kind,
        P2pkhVersion = p2pkh,
        P2shVersion = p2sh,
        Bech32Hrp = hrp,
        GbtRules = ["segwit"],
        CoinbaseMaturity = new CoinbaseMaturity(100, 8, MultiAlgoHeight),
        BlockTimeSeconds = 15,
        DefaultRpcPort = rpcPort,
        ChainName = chain,
    };
}
