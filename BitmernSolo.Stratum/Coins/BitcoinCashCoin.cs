namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// Bitcoin Cash (as Bitcoin Cash Node runs it). Sources: bitcoin-cash-node src/chainparams.cpp (base58Prefixes as
/// Bitcoin: 0/5 main, 111/196 test and regtest; cashaddrPrefix bitcoincash/bchtest/bchreg; no segwit),
/// src/chainparamsbase.cpp (RPC 8332/18332/18443), src/consensus/consensus.h (COINBASE_MATURITY 100); the CashAddr
/// prefixes are also fixed by the CashAddr spec (bitcoincashorg spec/cashaddr.md). getblocktemplate takes no rules.
/// </summary>
internal static class BitcoinCashCoin
{
    public static CoinDefinition Create() => new(
        id: "bitcoin-cash",
        displayName: "Bitcoin Cash",
        symbol: "BCH",
        algorithm: PowAlgorithm.Sha256d,
        shareMultiplier: 1,
        gbtAlgorithm: null,
        networks: coin =>
        [
            Network(coin, NetworkKind.Main, 0, 5, "bitcoincash", 8332, "main"),
            Network(coin, NetworkKind.Test, 111, 196, "bchtest", 18332, "test"),
            Network(coin, NetworkKind.Regtest, 111, 196, "bchreg", 18443, "regtest"),
        ]);

    private static CoinNetwork Network(
        CoinDefinition coin, NetworkKind kind, byte p2pkh, byte p2sh, string prefix, int rpcPort, string chain) => new()
    {
        Coin = coin,
        Kind = kind,
        P2pkhVersion = p2pkh,
        P2shVersion = p2sh,
        CashAddrPrefix = prefix,
        GbtRules = [],
        CoinbaseMaturity = CoinbaseMaturity.Constant(100),
        BlockTimeSeconds = 600,
        DefaultRpcPort = rpcPort,
        ChainName = chain,
    };
}
