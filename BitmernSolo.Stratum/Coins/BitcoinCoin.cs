namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// Bitcoin. Sources (bitcoin/bitcoin): src/kernel/chainparams.cpp (base58Prefixes 0/5 main, 111/196 testnet3 and
/// regtest; bech32_hrp bc/tb/bcrt; nPowTargetSpacing 600), src/chainparamsbase.cpp (RPC 8332/18332/18443),
/// src/consensus/consensus.h (COINBASE_MATURITY 100), src/rpc/mining.cpp (getblocktemplate refuses a request
/// without the "segwit" rule). Testnet here means testnet3, whose <c>chain</c> is "test".
/// </summary>
internal static class BitcoinCoin
{
    public static CoinDefinition Create() => new(
        id: "bitcoin",
        displayName: "Bitcoin",
        symbol: "BTC",
        algorithm: PowAlgorithm.Sha256d,
        shareMultiplier: 1,
        gbtAlgorithm: null,
        networks: coin =>
        [
            Network(coin, NetworkKind.Main, 0, 5, "bc", 8332, "main"),
            Network(coin, NetworkKind.Test, 111, 196, "tb", 18332, "test"),
            Network(coin, NetworkKind.Regtest, 111, 196, "bcrt", 18443, "regtest"),
        ]);

    private static CoinNetwork Network(
        CoinDefinition coin, NetworkKind kind, byte p2pkh, byte p2sh, string hrp, int rpcPort, string chain) => new()
    {
        Coin = coin,
        Kind = kind,
        P2pkhVersion = p2pkh,
        P2shVersion = p2sh,
        Bech32Hrp = hrp,
        SupportsTaproot = true,
        GbtRules = ["segwit"],
        CoinbaseMaturity = CoinbaseMaturity.Constant(100),
        BlockTimeSeconds = 600,
        DefaultRpcPort = rpcPort,
        ChainName = chain,
    };
}
