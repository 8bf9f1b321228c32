using System.Text;
using BitmernSolo.Stratum.Server;

namespace BitmernSolo.Tests.Stratum.Support;

/// <summary>Addresses starting with "ltc1" are valid; the script is their UTF-8 bytes (tests only need distinct scripts).</summary>
public sealed class TestAddressValidator : IPayoutAddressValidator
{
    public PayoutAddressValidation Validate(string address) => address.StartsWith("ltc1", StringComparison.Ordinal)
        ? PayoutAddressValidation.Valid(Encoding.UTF8.GetBytes(address))
        : PayoutAddressValidation.Invalid($"'{address}' is not a Litecoin address: bad prefix");
}
