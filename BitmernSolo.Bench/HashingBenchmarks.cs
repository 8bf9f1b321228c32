using BenchmarkDotNet.Attributes;
using BitmernSolo.Stratum.Crypto;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Bench;

/// <summary>The hashing on the share path: SHA-256d of a header, a whole SHA-256d share check, scrypt of a header.</summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private readonly ShareCheckWorkload _shareCheck = new();
    private readonly byte[] _header = new byte[80];
    private readonly byte[] _hash = new byte[32];

    [GlobalSetup]
    public void Setup() => new Random(7).NextBytes(_header);

    [Benchmark]
    public byte[] Sha256DOfHeader()
    {
        Sha256D.Hash(_header, _hash);
        return _hash;
    }

    [Benchmark]
    public bool Sha256DShareCheck() => _shareCheck.CheckShare();

    [Benchmark]
    public byte[] ScryptOfHeader()
    {
        Scrypt.HashBlockHeader(_header, _hash);
        return _hash;
    }

    [Benchmark]
    public byte[] ScryptOfHeaderScalarFallback()
    {
        Scrypt.HashBlockHeaderScalar(_header, _hash);
        return _hash;
    }

    [Benchmark(Baseline = true)]
    public byte[] ScryptOfHeaderBouncyCastle() => SCrypt.Generate(_header, _header, 1024, 1, 1, 32);
}
