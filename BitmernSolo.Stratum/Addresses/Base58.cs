using System.Text;

namespace BitmernSolo.Stratum.Addresses;

/// <summary>Bitcoin's Base58 alphabet (no 0, O, I, l). Leading zero bytes map to leading '1's.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Longest input we decode; addresses are ~34 characters, this leaves room for keys and test vectors.</summary>
    public const int MaxEncodedLength = 128;

    private static readonly sbyte[] _digitOf = BuildDigitTable();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256)/log(58) ≈ 1.365, so 138/100 digits per byte is always enough.
        var size = checked((data.Length - zeros) * 138 / 100 + 1);
        Span<byte> digits = size <= 256 ? stackalloc byte[size] : new byte[size];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var builder = new StringBuilder(zeros + length);
        builder.Append('1', zeros);
        for (var k = size - length; k < size; k++)
        {
            builder.Append(Alphabet[digits[k]]);
        }

        return builder.ToString();
    }

    /// <summary>Decodes <paramref name="text"/>; false on any character outside the alphabet (whitespace included) or over-long input.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length > MaxEncodedLength)
        {
            return false;
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58)/log(256) ≈ 0.733.
        var size = (text.Length - zeros) * 733 / 1000 + 1;
        Span<byte> bytes = stackalloc byte[size];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c < 128 ? _digitOf[c] : (sbyte)-1;
            if (digit < 0)
            {
                return false;
            }

            int carry = digit;
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * bytes[k];
                bytes[k] = (byte)(carry & 0xff);
                carry >>= 8;
            }

            length = j;
        }

        var start = size - length;
        data = new byte[zeros + length];
        bytes[start..].CopyTo(data.AsSpan(zeros));
        return true;
    }

    internal static bool IsBase58Char(char c) => c < 128 && _digitOf[c] >= 0;

    private static sbyte[] BuildDigitTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
