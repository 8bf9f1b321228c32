namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// Litecoin (Core 0.21). Sources (litecoin-project/litecoin @ d8c8adc): src/chainparams.cpp (PUBKEY_ADDRESS 48 main,
/// 111 test/regtest; SCRIPT_ADDRESS2 50 main, 58 test/regtest; legacy SCRIPT_ADDRESS 5 main, 196 test/regtest;
/// bech32_hrp ltc/tltc/rltc; mweb_hrp ltcmweb/tmweb/tmweb; nPowTargetSpacing 150), src/chainparamsbase.cpp (RPC
/// 9332/19332/19443), src/consensus/consensus.h (COINBASE_MATURITY 100), src/rpc/mining.cpp (getblocktemplate "must be
/// called with the segwit &amp; mweb rule sets").
/// Legacy P2SH: src/key_io.cpp DecodeDestination accepts both SCRIPT_ADDRESS and SCRIPT_ADDRESS2, so an old '3'
/// (mainnet) or '2' (test) address is a valid Litecoin address and we accept it too; it pays the same script hash.
/// Taproot is active on Litecoin since 0.21.2 (activated with MWEB), so v1 outputs are accepted.
/// </summary>
internal static class LitecoinCoin
{
    public static CoinDefinition Create() => new(
        id: "litecoin",
        displayName: "Litecoin",
        symbol: "LTC",
        algorithm: PowAlgorithm.Scrypt,
        shareMultiplier: 65536,
        gbtAlgorithm: null,
        networks: coin =>
        [
            Network(coin, NetworkKind.Main, 48, 50, 5, "ltc", "ltcmweb", 9332, "main"),
            Network(coin, NetworkKind.Test, 111, 58, 196, "tltc", "tmweb", 19332, "test"),
            Network(coin, NetworkKind.Regtest, 111, 58, 196, "rltc", "tmweb", 19443, "regtest"),
        ]);

    private static CoinNetwork Network(
        CoinDefinition coin,
        NetworkKind kind,
        byte p2pkh,
        byte p2sh,
        byte legacyP2sh,
        string hrp,
        string mwebHrp,
        int rpcPort,
        string chain) => new()
    {
        Coin = coin,
        Kind = kind,
        P2pkhVersion = p2pkh,
        P2shVersion = p2sh,
        LegacyP2shVersion = legacyP2sh,
        Bech32Hrp = hrp,
        SupportsTaproot = true,
        MwebHrp = mwebHrp,
        GbtRules = ["mweb", "segwit"],
        CoinbaseMaturity = CoinbaseMaturity.Constant(100),
        BlockTimeSeconds = 150,
        DefaultRpcPort = rpcPort,
        ChainName = chain,
    };
}
