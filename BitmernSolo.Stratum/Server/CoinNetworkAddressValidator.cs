using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Coins;

namespace BitmernSolo.Stratum.Server;

/// <summary>The default validator: the Addresses parser for one coin network (its reasons are sent to the miner with error 24).</summary>
public sealed class CoinNetworkAddressValidator(CoinNetwork network) : IPayoutAddressValidator
{
    public PayoutAddressValidation Validate(string address) =>
        AddressParser.TryParse(network, address, out var script, out var error)
            ? PayoutAddressValidation.Valid(script.Memory)
            : PayoutAddressValidation.Invalid($"Invalid {network.DisplayName} address: {error}");
}
