using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>Writes addresses for a network from hashes: for showing the pool's own scripts and for tests.</summary>
public static class AddressFormatter
{
    public static string P2pkh(CoinNetwork network, ReadOnlySpan<byte> pubKeyHash) =>
        Base58Versioned(network.P2pkhVersion, pubKeyHash);

    public static string P2sh(CoinNetwork network, ReadOnlySpan<byte> scriptHash) =>
        Base58Versioned(network.P2shVersion, scriptHash);

    /// <summary>Base58Check of one version byte followed by a 20-byte hash.</summary>
    public static string Base58Versioned(byte version, ReadOnlySpan<byte> hash20)
    {
        if (hash20.Length != 20)
        {
            throw new ArgumentException("Expected a 20-byte hash.", nameof(hash20));
        }

        Span<byte> payload = stackalloc byte[21];
        payload[0] = version;
        hash20.CopyTo(payload[1..]);
        return Base58Check.Encode(payload);
    }

    public static string Segwit(CoinNetwork network, int version, ReadOnlySpan<byte> program) =>
        SegwitAddress.Encode(
            network.Bech32Hrp ?? throw new InvalidOperationException($"{network.DisplayName} has no segwit addresses."),
            version,
            program);

    /// <summary>CashAddr with the network's prefix, e.g. "bitcoincash:qq…".</summary>
    public static string CashAddress(CoinNetwork network, CashAddrType type, ReadOnlySpan<byte> hash) =>
        Addresses.CashAddr.Encode(
            network.CashAddrPrefix ?? throw new InvalidOperationException($"{network.DisplayName} has no CashAddr addresses."),
            type,
            hash);
}
