namespace BitmernSolo.Stratum.Addresses;

/// <summary>A decoded native segwit address: witness version and program.</summary>
public sealed class SegwitAddress
{
    private readonly byte[] _program;

    private SegwitAddress(string hrp, int version, byte[] program)
    {
        Hrp = hrp;
        Version = version;
        _program = program;
    }

    /// <summary>Lower-case human-readable part ("bc", "ltc", ...).</summary>
    public string Hrp { get; }

    public int Version { get; }

    public ReadOnlySpan<byte> Program => _program;

    /// <summary>The output script: OP_0 or OP_1..OP_16, then a push of the program.</summary>
    public PayoutScript ToPayoutScript() => PayoutScript.ForWitnessProgram(Version, _program);

    /// <summary>Encodes per BIP173 (version 0, bech32) or BIP350 (version 1+, bech32m).</summary>
    public static string Encode(string hrp, int version, ReadOnlySpan<byte> program)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 16);
        if (!IsValidProgramLength(version, program.Length))
        {
            throw new ArgumentException("Witness program length is invalid for this version.", nameof(program));
        }

        Bech32.ConvertBits(program, 8, 5, pad: true, out var data5);
        var data = new byte[data5.Length + 1];
        data[0] = (byte)version;
        data5.CopyTo(data, 1);
        return Bech32.Encode(hrp, data, version == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m);
    }

    /// <summary>
    /// Decodes any segwit address (any HRP) and checks the BIP173/BIP350 rules: version 0..16, version 0 only with
    /// bech32 and a 20- or 32-byte program (BIP141), version 1+ only with bech32m and 2..40 bytes.
    /// </summary>
    public static bool TryDecode(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SegwitAddress? address, out string error)
    {
        address = null;
        var status = Bech32.TryDecode(text, out var hrp, out var data5, out var encoding);
        if (status != Bech32Error.None)
        {
            error = Describe(status);
            return false;
        }

        if (data5.Length == 0)
        {
            error = "the address has no witness version";
            return false;
        }

        var version = data5[0];
        if (version > 16)
        {
            error = $"witness version {version} does not exist (0 to 16)";
            return false;
        }

        var expected = version == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m;
        if (encoding != expected)
        {
            error = version == 0
                ? "bad checksum: witness version 0 uses bech32 (BIP173), this one has a bech32m checksum"
                : $"bad checksum: witness version {version} uses bech32m (BIP350), this one has a bech32 checksum";
            return false;
        }

        if (!Bech32.ConvertBits(data5.AsSpan(1), 5, 8, pad: false, out var program))
        {
            error = "the address has invalid padding";
            return false;
        }

        if (!IsValidProgramLength(version, program.Length))
        {
            error = version == 0
                ? $"a version 0 witness program must be 20 or 32 bytes, not {program.Length}"
                : $"a witness program must be 2 to 40 bytes, not {program.Length}";
            return false;
        }

        address = new SegwitAddress(hrp, version, program);
        error = string.Empty;
        return true;
    }

    internal static string Describe(Bech32Error status) => status switch
    {
        Bech32Error.Empty => "the address is empty",
        Bech32Error.TooLong => $"the address is longer than {Bech32.MaxLength} characters",
        Bech32Error.MixedCase => "the address mixes upper and lower case",
        Bech32Error.InvalidCharacter => "the address contains a character that bech32 does not use",
        Bech32Error.NoSeparator => "the address has no '1' separator",
        Bech32Error.EmptyHrp => "the address has no prefix before '1'",
        Bech32Error.ChecksumTooShort => "the address is too short to hold a checksum",
        Bech32Error.BadChecksum => "bad checksum (a typo, or a character missing or extra)",
        _ => "the address is not valid bech32",
    };

    private static bool IsValidProgramLength(int version, int length) =>
        version == 0 ? length is 20 or 32 : length is >= 2 and <= 40;
}
