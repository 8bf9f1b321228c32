using System.Diagnostics;
using System.Globalization;
using BitmernSolo.Bench.Micro;
using BitmernSolo.Stratum.Crypto;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Bench;

/// <summary>
/// <c>--quick</c>: each operation a fixed number of times on one thread, printing operations per second. A smoke run for
/// CI that catches a gross regression by eye; it asserts nothing about speed.
/// </summary>
internal static class QuickRun
{
    public static int Run(TextWriter output)
    {
        var header = new byte[80];
        new Random(7).NextBytes(header);
        var hash = new byte[32];
        var shareCheck = new ShareCheckWorkload();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BitmernSolo quick benchmark, {Environment.ProcessorCount} logical CPUs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, single thread"));
        var managed = Measure(output, "SHA-256d of an 80-byte header (Sha256D: managed compression)", 200_000, () => Sha256D.Hash(header, hash));
        var platform = Measure(output, "SHA-256d of an 80-byte header, platform SHA256.HashData twice", 200_000, () =>
        {
            System.Security.Cryptography.SHA256.HashData(header, hash);
            System.Security.Cryptography.SHA256.HashData(hash, hash);
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SHA-256d managed over platform: {managed / platform:F2}x"));
        var state = new uint[8];
        var block = new uint[16];
        Measure(output, "SHA-256 compression of one 64-byte block (managed, scalar)", 200_000, () => Sha256Compression.Compress(state, block));
        Measure(output, "SHA-256d share check (coinbase, 12-step Merkle, header, compare)", 50_000, () => shareCheck.CheckShare());
        var ours = Measure(output, "scrypt(1024,1,1) of a header, ours", 2_000, () => Scrypt.HashBlockHeader(header, hash));
        var twoHeaders = new byte[160];
        var twoHashes = new byte[64];
        new Random(8).NextBytes(twoHeaders);
        var pairs = Measure(output, "scrypt(1024,1,1) of two headers batched, ours (ops = pairs)", 1_000, () => Scrypt.HashBlockHeaders(twoHeaders, twoHashes));
        Measure(output, "scrypt(1024,1,1) of a header, ours, scalar fallback", 500, () => Scrypt.HashBlockHeaderScalar(header, hash));
        var reference = Measure(output, "scrypt(1024,1,1) of a header, BouncyCastle SCrypt.Generate", 300, () => SCrypt.Generate(header, header, 1024, 1, 1, 32));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scrypt speed-up over BouncyCastle: {ours / reference:F1}x one at a time, {2 * pairs / reference:F1}x batched in pairs"));
        return 0;
    }

    private static double Measure(TextWriter output, string name, int iterations, Action operation)
    {
        for (var i = 0; i < Math.Max(10, iterations / 10); i++)
        {
            operation(); // warm-up, so tiered JIT reaches optimised code
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            operation();
        }

        watch.Stop();
        var perSecond = iterations / watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-70} {perSecond,12:N0} ops/s  ({watch.Elapsed.TotalMilliseconds * 1000 / iterations:F2} µs/op)"));
        return perSecond;
    }
}
