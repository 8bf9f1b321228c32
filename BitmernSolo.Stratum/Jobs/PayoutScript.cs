namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// An output script (scriptPubKey) the coinbase pays: a miner's address or the pool's fee address, already decoded.
/// Immutable, compared by value, so it can key the per-miner job cache.
/// </summary>
public sealed class PayoutScript : IEquatable<PayoutScript>
{
    private readonly byte[] _bytes;
    private readonly string _hex;

    public PayoutScript(ReadOnlySpan<byte> scriptPubKey)
    {
        if (scriptPubKey.IsEmpty || scriptPubKey.Length > 10_000)
        {
            throw new ArgumentException("A payout script is 1 to 10,000 bytes (MAX_SCRIPT_SIZE).", nameof(scriptPubKey));
        }

        _bytes = scriptPubKey.ToArray();
        _hex = Convert.ToHexStringLower(_bytes);
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public static PayoutScript FromHex(string hex) => new(Convert.FromHexString(hex));

    public string ToHex() => _hex;

    public override string ToString() => _hex;

    public bool Equals(PayoutScript? other) => other is not null && string.Equals(_hex, other._hex, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PayoutScript);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_hex);
}
