namespace BitmernSolo.Stratum.Addresses;

/// <summary>
/// An output script (scriptPubKey) that a coinbase output can pay, with the address type it came from.
/// Immutable: the bytes are copied in and only handed out read-only.
/// </summary>
public sealed class PayoutScript : IEquatable<PayoutScript>
{
    private const byte OpDup = 0x76;
    private const byte OpHash160 = 0xa9;
    private const byte OpEqual = 0x87;
    private const byte OpEqualVerify = 0x88;
    private const byte OpCheckSig = 0xac;
    private const byte Op0 = 0x00;
    private const byte Op1 = 0x51;

    private readonly byte[] _script;

    private PayoutScript(byte[] script, AddressType type)
    {
        _script = script;
        Type = type;
    }

    public AddressType Type { get; }

    /// <summary>The scriptPubKey bytes, as serialized in a transaction output (without the length prefix).</summary>
    public ReadOnlySpan<byte> Script => _script;

    /// <summary>The same bytes as <see cref="Script"/>, for holding across awaits or in other immutable types.</summary>
    public ReadOnlyMemory<byte> Memory => _script;

    public int Length => _script.Length;

    public byte[] ToArray() => (byte[])_script.Clone();

    public bool TryWriteBytes(Span<byte> destination) => _script.AsSpan().TryCopyTo(destination);

    /// <summary>Lower-case hex of the script, as <c>getaddressinfo</c>'s <c>scriptPubKey</c> shows it.</summary>
    public string ToHex() => Convert.ToHexStringLower(_script);

    public static PayoutScript P2pkh(ReadOnlySpan<byte> pubKeyHash)
    {
        RequireLength(pubKeyHash, 20);
        var s = new byte[25];
        s[0] = OpDup;
        s[1] = OpHash160;
        s[2] = 20;
        pubKeyHash.CopyTo(s.AsSpan(3));
        s[23] = OpEqualVerify;
        s[24] = OpCheckSig;
        return new PayoutScript(s, AddressType.P2pkh);
    }

    public static PayoutScript P2sh(ReadOnlySpan<byte> scriptHash)
    {
        RequireLength(scriptHash, 20);
        var s = new byte[23];
        s[0] = OpHash160;
        s[1] = 20;
        scriptHash.CopyTo(s.AsSpan(2));
        s[22] = OpEqual;
        return new PayoutScript(s, AddressType.P2sh);
    }

    /// <summary>BIP141 witness output: the version opcode (OP_0, or OP_1..OP_16 = 0x51..0x60) and a direct push.</summary>
    public static PayoutScript ForWitnessProgram(int version, ReadOnlySpan<byte> program)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 16);
        if (program.Length is < 2 or > 40)
        {
            throw new ArgumentException("A witness program is 2 to 40 bytes.", nameof(program));
        }

        var s = new byte[program.Length + 2];
        s[0] = version == 0 ? Op0 : (byte)(Op1 + version - 1);
        s[1] = (byte)program.Length;
        program.CopyTo(s.AsSpan(2));
        var type = (version, program.Length) switch
        {
            (0, 20) => AddressType.P2wpkh,
            (0, 32) => AddressType.P2wsh,
            (1, 32) => AddressType.P2tr,
            _ => AddressType.WitnessUnknown,
        };
        return new PayoutScript(s, type);
    }

    public bool Equals(PayoutScript? other) =>
        other is not null && Type == other.Type && _script.AsSpan().SequenceEqual(other._script);

    public override bool Equals(object? obj) => Equals(obj as PayoutScript);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_script);
        return hash.ToHashCode();
    }

    public override string ToString() => ToHex();

    private static void RequireLength(ReadOnlySpan<byte> hash, int length)
    {
        if (hash.Length != length)
        {
            throw new ArgumentException($"Expected a {length}-byte hash.", nameof(hash));
        }
    }
}
