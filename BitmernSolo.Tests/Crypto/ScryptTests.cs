using System.Text;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Tests.TestVectors;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Tests.Crypto;

public class ScryptTests
{
    public sealed record Rfc7914Vector(string Password, string Salt, int N, int R, int P, string DerivedKeyHex);

    public sealed record HeaderVector(string HeaderHex, string PowHashDisplayHex);

    public static TheoryData<string, string, int, int, int, string> Rfc7914Vectors()
    {
        var data = new TheoryData<string, string, int, int, int, string>();
        foreach (var v in TestVectorFile.Read<Rfc7914Vector[]>("scrypt-rfc7914.json"))
        {
            data.Add(v.Password, v.Salt, v.N, v.R, v.P, v.DerivedKeyHex);
        }

        return data;
    }

    public static TheoryData<string, string> LitecoinCoreHeaders()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in TestVectorFile.Read<HeaderVector[]>("scrypt-litecoin-core.json"))
        {
            data.Add(v.HeaderHex, v.PowHashDisplayHex);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rfc7914Vectors))]
    public void GeneralScryptReproducesTheRfc7914Vectors(string password, string salt, int n, int r, int p, string expectedHex)
    {
        var expected = Convert.FromHexString(expectedHex);
        var key = Scrypt.Hash(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, expected.Length);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(key));
    }

    [Theory]
    [MemberData(nameof(LitecoinCoreHeaders))]
    public void BlockHeaderHashReproducesLitecoinCoresScryptVectors(string headerHex, string powHashDisplayHex)
    {
        var hash = Scrypt.HashBlockHeader(Convert.FromHexString(headerHex));
        Assert.Equal(powHashDisplayHex, hash.ToDisplayHex());
    }

    [Theory]
    [MemberData(nameof(LitecoinCoreHeaders))]
    public void ScalarFallbackReproducesLitecoinCoresScryptVectors(string headerHex, string powHashDisplayHex)
    {
        var hash = new byte[32];
        Scrypt.HashBlockHeaderScalar(Convert.FromHexString(headerHex), hash);
        Assert.Equal(powHashDisplayHex, Hash256.FromInternalBytes(hash).ToDisplayHex());
    }

    [Theory]
    [MemberData(nameof(LitecoinCoreHeaders))]
    public void GeneralScryptWithThePowParametersEqualsTheBlockHeaderHash(string headerHex, string powHashDisplayHex)
    {
        var header = Convert.FromHexString(headerHex);
        var general = Scrypt.Hash(header, header, 1024, 1, 1, 32);
        Assert.Equal(powHashDisplayHex, Hash256.FromInternalBytes(general).ToDisplayHex());
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 100)]
    [InlineData(3, 100)]
    public void BlockHeaderHashEqualsBouncyCastleOverRandomHeaders(int seed, int count)
    {
        var random = new Random(seed);
        var header = new byte[80];
        var ours = new byte[32];
        var scalar = new byte[32];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(header);
            var oracle = SCrypt.Generate(header, header, 1024, 1, 1, 32);
            Scrypt.HashBlockHeader(header, ours);
            Assert.Equal(Convert.ToHexStringLower(oracle), Convert.ToHexStringLower(ours));
            if (i % 10 == 0)
            {
                Scrypt.HashBlockHeaderScalar(header, scalar);
                Assert.Equal(Convert.ToHexStringLower(oracle), Convert.ToHexStringLower(scalar));
            }
        }
    }

    [Theory]
    [InlineData(2, 1, 1, 32)]
    [InlineData(4, 2, 3, 17)]
    [InlineData(64, 3, 2, 100)]
    [InlineData(1024, 1, 1, 32)]
    public void GeneralScryptEqualsBouncyCastleForOtherParameters(int n, int r, int p, int length)
    {
        var random = new Random(n * 31 + r * 7 + p);
        var password = new byte[random.Next(0, 100)];
        var salt = new byte[random.Next(0, 100)];
        random.NextBytes(password);
        random.NextBytes(salt);
        Assert.Equal(
            Convert.ToHexStringLower(SCrypt.Generate(password, salt, n, r, p, length)),
            Convert.ToHexStringLower(Scrypt.Hash(password, salt, n, r, p, length)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(11)]
    public void BatchHashingEqualsBouncyCastleHeaderByHeader(int count)
    {
        var headers = new byte[count * 80];
        new Random(500 + count).NextBytes(headers);
        var hashes = new byte[count * 32];
        Scrypt.HashBlockHeaders(headers, hashes);
        for (var i = 0; i < count; i++)
        {
            var header = headers[(i * 80)..((i + 1) * 80)];
            Assert.Equal(
                Convert.ToHexStringLower(SCrypt.Generate(header, header, 1024, 1, 1, 32)),
                Convert.ToHexStringLower(hashes[(i * 32)..((i + 1) * 32)]));
        }
    }

    [Fact]
    public void BatchHashingReproducesLitecoinCoresVectors()
    {
        var vectors = TestVectorFile.Read<HeaderVector[]>("scrypt-litecoin-core.json");
        var headers = vectors.SelectMany(v => Convert.FromHexString(v.HeaderHex)).ToArray();
        var hashes = new byte[vectors.Length * 32];
        Scrypt.HashBlockHeaders(headers, hashes);
        for (var i = 0; i < vectors.Length; i++)
        {
            Assert.Equal(vectors[i].PowHashDisplayHex, Hash256.FromInternalBytes(hashes.AsSpan(i * 32, 32)).ToDisplayHex());
        }
    }

    [Fact]
    public void BatchHashingRefusesAPartialHeaderOrAShortDestination()
    {
        Assert.Throws<ArgumentException>(() => Scrypt.HashBlockHeaders(new byte[81], new byte[64]));
        Assert.Throws<ArgumentException>(() => Scrypt.HashBlockHeaders(new byte[160], new byte[63]));
    }

    [Fact]
    public void ThreadsHashingAtOnceEachGetTheOracleResult()
    {
        var headers = Enumerable.Range(0, 16).Select(i =>
        {
            var header = new byte[80];
            new Random(1000 + i).NextBytes(header);
            return header;
        }).ToArray();
        var expected = headers.Select(h => Convert.ToHexStringLower(SCrypt.Generate(h, h, 1024, 1, 1, 32))).ToArray();

        var actual = new string[headers.Length];
        Parallel.For(0, headers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var hash = new byte[32];
            for (var repeat = 0; repeat < 3; repeat++)
            {
                Scrypt.HashBlockHeader(headers[i], hash);
            }

            actual[i] = Convert.ToHexStringLower(hash);
        });

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(79)]
    [InlineData(81)]
    [InlineData(0)]
    public void BlockHeaderHashRefusesAHeaderThatIsNot80Bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => Scrypt.HashBlockHeader(new byte[length], new byte[32]));
    }

    [Fact]
    public void BlockHeaderHashRefusesADestinationShorterThan32Bytes()
    {
        Assert.Throws<ArgumentException>(() => Scrypt.HashBlockHeader(new byte[80], new byte[31]));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(1000, 1, 1)]
    [InlineData(16, 0, 1)]
    [InlineData(16, 1, 0)]
    public void GeneralScryptRefusesInvalidParameters(int n, int r, int p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scrypt.Hash([], [], n, r, p, 32));
    }
}
