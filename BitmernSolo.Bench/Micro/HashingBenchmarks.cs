using BenchmarkDotNet.Attributes;
using BitmernSolo.Stratum.Crypto;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Bench.Micro;

/// <summary>The hashing on the share path: SHA-256d of a header, a whole SHA-256d share check, scrypt of a header.</summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private readonly ShareCheckWorkload _shareCheck = new();
    private readonly byte[] _header = new byte[80];
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _twoHeaders = new byte[160];
    private readonly byte[] _twoHashes = new byte[64];

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_header);
        new Random(8).NextBytes(_twoHeaders);
    }

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

    /// <summary>Two headers per call: divide by two for the cost per hash.</summary>
    [Benchmark]
    public byte[] ScryptOfTwoHeadersBatched()
    {
        Scrypt.HashBlockHeaders(_twoHeaders, _twoHashes);
        return _twoHashes;
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
