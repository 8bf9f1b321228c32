using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>
/// Turns a miner's payout address into the output script the coinbase pays, for one coin network. Bad input is a
/// normal outcome, reported as a sentence for the miner; nothing here throws for it.
/// </summary>
public static class AddressParser
{
    /// <summary>Base58 addresses are 25–35 characters; anything longer is something else.</summary>
    private const int MaxBase58AddressLength = 36;

    private static readonly SearchValues<char> _base58Chars =
        SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    public static bool TryParse(
        CoinNetwork network,
        string? address,
        [NotNullWhen(true)] out PayoutScript? script,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(network);
        script = null;
        var text = address?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        if (IsMweb(text))
        {
            error = "MWEB addresses cannot receive coinbase outputs; use a regular address"
                + (network.Bech32Hrp is null ? string.Empty : $" ({network.Bech32Hrp}1…)");
            return false;
        }

        return LooksLikeCashAddr(network, text)
            ? CashAddrParser.TryParse(network, text, out script, out error)
            : LooksLikeBech32(text)
                ? TryParseSegwit(network, text, out script, out error)
                : TryParseBase58(network, text, out script, out error);
    }

    private static bool IsMweb(string text)
    {
        foreach (var n in CoinRegistry.AllNetworks)
        {
            if (n.MwebHrp is { } hrp
                && text.Length > hrp.Length
                && text.StartsWith(hrp, StringComparison.OrdinalIgnoreCase)
                && text[hrp.Length] == '1')
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeCashAddr(CoinNetwork network, string text) =>
        text.Contains(':', StringComparison.Ordinal)
        || (network.SupportsCashAddr && text.Length > MaxBase58AddressLength && !text.Contains('1', StringComparison.Ordinal));

    private static bool LooksLikeBech32(string text)
    {
        var separator = text.LastIndexOf('1');
        if (separator <= 0)
        {
            return false;
        }

        var hrp = text[..separator];
        foreach (var n in CoinRegistry.AllNetworks)
        {
            if (string.Equals(n.Bech32Hrp, hrp, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // Unknown prefix: treat it as bech32 when it cannot be a Base58 address.
        return text.Length > MaxBase58AddressLength || text.AsSpan().IndexOfAnyExcept(_base58Chars) >= 0;
    }

    private static bool TryParseSegwit(
        CoinNetwork network, string text, [NotNullWhen(true)] out PayoutScript? script, [NotNullWhen(false)] out string? error)
    {
        script = null;
        if (!SegwitAddress.TryDecode(text, out var segwit, out var decodeError))
        {
            error = decodeError;
            return false;
        }

        if (!string.Equals(segwit.Hrp, network.Bech32Hrp, StringComparison.Ordinal))
        {
            var owners = NetworkNames(CoinRegistry.AllNetworks.Where(n => n.Bech32Hrp == segwit.Hrp));
            var noSegwit = network.SupportsSegwit
                ? string.Empty
                : $" ({network.Coin.ChainDisplayName} has no segwit, so it has no bech32 addresses)";
            error = owners.Length > 0
                ? $"this is a {owners} address; the pool runs on {network.DisplayName}{noSegwit}"
                : network.SupportsSegwit
                    ? $"unknown address prefix '{segwit.Hrp}1'; {network.DisplayName} addresses start with '{network.Bech32Hrp}1'"
                    : $"unknown address prefix '{segwit.Hrp}1'{noSegwit}";
            return false;
        }

        if (segwit.Version == 1 && segwit.Program.Length == 32 && !network.SupportsTaproot)
        {
            error = $"taproot (witness v1) addresses are not supported on {network.DisplayName}";
            return false;
        }

        if (segwit.Version > 1 || (segwit.Version == 1 && segwit.Program.Length != 32))
        {
            // Valid per BIP350 but undefined by consensus: anyone could take a payout sent there.
            error = $"witness version {segwit.Version} with a {segwit.Program.Length}-byte program is not a defined output type; a payout there could be taken by anyone";
            return false;
        }

        script = segwit.ToPayoutScript();
        error = null;
        return true;
    }

    private static bool TryParseBase58(
        CoinNetwork network, string text, [NotNullWhen(true)] out PayoutScript? script, [NotNullWhen(false)] out string? error)
    {
        script = null;
        switch (Base58Check.TryDecode(text, out var payload))
        {
            case Base58CheckError.InvalidCharacter:
                error = "the address contains a character that is not used in addresses (0, O, I, l, spaces or symbols)";
                return false;
            case Base58CheckError.TooShort:
                error = "the address is too short";
                return false;
            case Base58CheckError.BadChecksum:
                error = "bad checksum (a typo, or a character missing or extra)";
                return false;
        }

        if (payload.Length != 21)
        {
            error = $"this is not an address (it decodes to {payload.Length} bytes, an address is 21)";
            return false;
        }

        var version = payload[0];
        var hash = payload.AsSpan(1);
        if (version == network.P2pkhVersion)
        {
            script = PayoutScript.P2pkh(hash);
        }
        else if (version == network.P2shVersion || version == network.LegacyP2shVersion)
        {
            script = PayoutScript.P2sh(hash);
        }

        if (script is not null)
        {
            error = null;
            return true;
        }

        var owners = NetworkNames(CoinRegistry.AllNetworks.Where(
            n => n.P2pkhVersion == version || n.P2shVersion == version || n.LegacyP2shVersion == version));
        error = owners.Length > 0
            ? $"this is a {owners} address; the pool runs on {network.DisplayName}"
            : $"unknown address version {version}; this is not a {network.DisplayName} address";
        return false;
    }

    /// <summary>"Litecoin mainnet", or "Bitcoin testnet or Litecoin testnet" when a prefix is shared.</summary>
    internal static string NetworkNames(IEnumerable<CoinNetwork> networks) =>
        string.Join(" or ", networks.Select(n => $"{n.Coin.ChainDisplayName} {n.NetworkLabel}").Distinct());
}
