using System.Text;
using BitmernSolo.Stratum.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace BitmernSolo.Tests.Crypto;

public class Sha256DTests
{
    [Fact]
    public void GenesisHeaderHashesToTheKnownBitcoinGenesisBlockHash()
    {
        // Bitcoin mainnet block 0 header (Bitcoin Core chainparams.cpp).
        var header = Convert.FromHexString(
            "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
        var hash = Sha256D.Hash(header);
        Array.Reverse(hash);
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(80)]
    [InlineData(119)]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(Sha256D.ManagedMaxLength)]
    [InlineData(Sha256D.ManagedMaxLength + 1)]
    [InlineData(4000)]
    public void EqualsTwoRoundsOfBouncyCastleSha256(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        Assert.Equal(Convert.ToHexStringLower(BouncyCastleSha256(BouncyCastleSha256(data))), Convert.ToHexStringLower(Sha256D.Hash(data)));
    }

    [Fact]
    public void EveryLengthOfTheManagedPathEqualsThePlatformSha256Twice()
    {
        var data = new byte[Sha256D.ManagedMaxLength + 70];
        new Random(9).NextBytes(data);
        for (var length = 0; length < data.Length; length++)
        {
            var expected = System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(data.AsSpan(0, length)));
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(Sha256D.Hash(data.AsSpan(0, length))));
        }
    }

    [Fact]
    public void HashingInPlaceOverTheInputIsAllowed()
    {
        // Merkle folding hashes a 64-byte pair into its own first half.
        var pair = new byte[64];
        new Random(5).NextBytes(pair);
        var expected = Sha256D.Hash(pair);
        Sha256D.Hash(pair, pair);
        Assert.Equal(expected, pair[..32]);
    }

    [Fact]
    public void ADestinationShorterThan32BytesIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Sha256D.Hash([1, 2, 3], new byte[31]));
    }

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void CompressionFunctionReproducesFips180Examples(string message, string digestHex)
    {
        // FIPS 180-2 Appendix B.1 (one block) and B.2 (two blocks), padded by hand here.
        var bytes = Encoding.ASCII.GetBytes(message);
        var blocks = (bytes.Length + 9 + 63) / 64;
        var padded = new byte[blocks * 64];
        bytes.CopyTo(padded, 0);
        padded[bytes.Length] = 0x80;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)bytes.Length * 8);

        Span<uint> state = stackalloc uint[8];
        Span<uint> words = stackalloc uint[16];
        Sha256Compression.Initialize(state);
        for (var block = 0; block < blocks; block++)
        {
            for (var i = 0; i < 16; i++)
            {
                words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan((block * 64) + (i * 4)));
            }

            Sha256Compression.Compress(state, words);
        }

        var digest = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), state[i]);
        }

        Assert.Equal(digestHex, Convert.ToHexStringLower(digest));
    }

    private static byte[] BouncyCastleSha256(byte[] data)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }
}
