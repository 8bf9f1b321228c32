using System.Diagnostics.CodeAnalysis;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>The CashAddr branch of <see cref="AddressParser"/>.</summary>
internal static class CashAddrParser
{
    public static bool TryParse(
        CoinNetwork network, string text, [NotNullWhen(true)] out PayoutScript? script, [NotNullWhen(false)] out string? error)
    {
        script = null;
        var hasPrefix = text.Contains(':', StringComparison.Ordinal);
        var cashNetworks = CoinRegistry.AllNetworks.Where(n => n.SupportsCashAddr).ToArray();
        if (network.CashAddrPrefix is not { } ownPrefix)
        {
            var prefix = hasPrefix ? text[..text.IndexOf(':', StringComparison.Ordinal)] : string.Empty;
            var owners = AddressParser.NetworkNames(
                cashNetworks.Where(n => string.Equals(n.CashAddrPrefix, prefix, StringComparison.OrdinalIgnoreCase)));
            // Anything else before a colon is most likely a payment-URI scheme ("litecoin:ltc1…").
            error = owners.Length > 0
                ? $"this is a {owners} address; the pool runs on {network.DisplayName}"
                : $"enter the address alone, without '{prefix}:' in front";
            return false;
        }

        if (!CashAddr.TryDecode(text, ownPrefix, out var address, out var decodeError))
        {
            // Without a prefix the checksum binds the network: see whether another network's prefix fits.
            var other = hasPrefix ? null : cashNetworks.FirstOrDefault(
                n => n.CashAddrPrefix != ownPrefix && CashAddr.TryDecode(text, n.CashAddrPrefix!, out _, out _));
            error = other is null
                ? decodeError
                : $"this is a {other.Coin.ChainDisplayName} {other.NetworkLabel} address; the pool runs on {network.DisplayName}";
            return false;
        }

        if (address.Prefix != ownPrefix)
        {
            var owners = AddressParser.NetworkNames(cashNetworks.Where(n => n.CashAddrPrefix == address.Prefix));
            error = owners.Length > 0
                ? $"this is a {owners} address; the pool runs on {network.DisplayName}"
                : $"unknown CashAddr prefix '{address.Prefix}:'; {network.DisplayName} uses '{ownPrefix}:'";
            return false;
        }

        // Type 0/1 from the CashAddr spec; 2/3 are the CashTokens CHIP's token-aware forms of the same P2PKH/P2SH scripts.
        if (address.Hash.Length == 20)
        {
            switch (address.TypeBits)
            {
                case 0 or 2:
                    script = PayoutScript.P2pkh(address.Hash);
                    break;
                case 1 or 3:
                    script = PayoutScript.P2sh(address.Hash);
                    break;
            }
        }

        if (script is null)
        {
            error = $"CashAddr type {address.TypeBits} with a {address.Hash.Length * 8}-bit hash is not a payable address type (P2PKH or P2SH, 160-bit)";
            return false;
        }

        error = null;
        return true;
    }
}
