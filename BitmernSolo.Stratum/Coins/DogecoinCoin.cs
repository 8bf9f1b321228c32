namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// Dogecoin (Core 1.14). Sources (dogecoin/dogecoin 1.14 branch): src/chainparams.cpp (PUBKEY_ADDRESS 30, SCRIPT_ADDRESS
/// 22 main; 113/196 testnet; 111/196 regtest; nPowTargetSpacing 60; no segwit deployment, so no bech32 addresses;
/// consensus.nCoinbaseMaturity 30 before the Digishield fork at height 145000 on main and test, then
/// digishieldConsensus.nCoinbaseMaturity 240; regtest 60 throughout "for easier testability"),
/// src/chainparamsbase.cpp (RPC 22555/44555/18332). getblocktemplate needs no rules because segwit never activates.
/// </summary>
internal static class DogecoinCoin
{
    private const long DigishieldHeight = 145_000;

    public static CoinDefinition Create() => new(
        id: "dogecoin",
        displayName: "Dogecoin",
        symbol: "DOGE",
        algorithm: PowAlgorithm.Scrypt,
        shareMultiplier: 65536,
        gbtAlgorithm: null,
        networks: coin =>
        [
            Network(coin, NetworkKind.Main, 30, 22, new CoinbaseMaturity(240, 30, DigishieldHeight), 22555, "main"),
            Network(coin, NetworkKind.Test, 113, 196, new CoinbaseMaturity(240, 30, DigishieldHeight), 44555, "test"),
            Network(coin, NetworkKind.Regtest, 111, 196, CoinbaseMaturity.Constant(60), 18332, "regtest"),
        ]);

    private static CoinNetwork Network(
        CoinDefinition coin,
        NetworkKind kind,
        byte p2pkh,
        byte p2sh,
        CoinbaseMaturity maturity,
        int rpcPort,
        string chain) => new()
    {
        Coin = coin,
        Kind = kind,
        P2pkhVersion = p2pkh,
        P2shVersion = p2sh,
        GbtRules = [],
        CoinbaseMaturity = maturity,
        BlockTimeSeconds = 60,
        DefaultRpcPort = rpcPort,
        ChainName = chain,
    };
}
