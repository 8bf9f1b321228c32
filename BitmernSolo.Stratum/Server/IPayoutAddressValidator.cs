namespace BitmernSolo.Stratum.Server;

/// <summary>
/// Turns the address a miner authorizes with into the output script its coinbase pays, for one pool's coin and network.
/// Implemented by the Addresses feature; the server answers error 24 with <see cref="PayoutAddressValidation.Reason"/>.
/// </summary>
public interface IPayoutAddressValidator
{
    PayoutAddressValidation Validate(string address);
}

/// <summary>Either the scriptPubKey for a valid address or the reason it is not one.</summary>
public readonly record struct PayoutAddressValidation(ReadOnlyMemory<byte> Script, string? Reason)
{
    public bool IsValid => Reason is null && !Script.IsEmpty;

    public static PayoutAddressValidation Valid(ReadOnlyMemory<byte> script) => new(script, null);

    public static PayoutAddressValidation Invalid(string reason) => new(ReadOnlyMemory<byte>.Empty, reason);
}
