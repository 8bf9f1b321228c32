using System.Buffers.Binary;
using System.Globalization;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Tests.Stratum.Support;

public enum PowAlgorithm
{
    Sha256D,
    Scrypt,
}

/// <summary>
/// A stand-in for the real JobBuilder's job: arbitrary coinbase halves and branch, header built here from the parts
/// (version LE, prevhash internal, Merkle root, ntime LE, nbits LE, nonce LE). The end-to-end proof with the real
/// JobBuilder and litecoind comes at integration.
/// </summary>
public sealed class TestMiningJob : IMiningJob
{
    private readonly byte[] _coinbase1;
    private readonly byte[] _coinbase2;
    private readonly Hash256[] _branch;
    private readonly uint _bits;
    private readonly PowAlgorithm _algorithm;

    public TestMiningJob(string id, long height, Hash256 previous, uint bits, uint ntime, PowAlgorithm algorithm = PowAlgorithm.Sha256D,
        int branchLength = 3, int coinbasePadding = 0, uint version = 0x20000000)
    {
        Id = id;
        Height = height;
        PreviousBlockHash = previous;
        Version = version;
        NTime = ntime;
        _bits = bits;
        _algorithm = algorithm;
        NetworkTarget = Target.FromCompact(bits);
        _coinbase1 = Convert.FromHexString("01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20" + Pad(coinbasePadding));
        _coinbase2 = Convert.FromHexString("ffffffff0100f2052a010000001976a914000000000000000000000000000000000000000088ac00000000");
        _branch = [.. Enumerable.Range(0, branchLength).Select(i => Hash256.Compute([(byte)i, (byte)height]))];
        Notify = new MiningNotifyParams(
            id,
            StratumPrevHash(previous),
            Convert.ToHexStringLower(_coinbase1),
            Convert.ToHexStringLower(_coinbase2),
            [.. _branch.Select(b => b.ToInternalHex())],
            version.ToString("x8", CultureInfo.InvariantCulture),
            bits.ToString("x8", CultureInfo.InvariantCulture),
            ntime.ToString("x8", CultureInfo.InvariantCulture));
    }

    public string Id { get; }

    public long Height { get; }

    public Hash256 PreviousBlockHash { get; }

    public uint Version { get; }

    public uint NTime { get; }

    public Target NetworkTarget { get; }

    public MiningNotifyParams Notify { get; }

    public ShareCheckResult CheckShare(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version)
    {
        var header = BuildHeader(extranonce1, extranonce2, ntime, nonce, version, out _);
        var blockHash = Hash256.Compute(header);
        // The pool side uses our Scrypt; the test miner uses BouncyCastle's, so the two cross-check each other.
        var pow = _algorithm == PowAlgorithm.Scrypt ? Scrypt.HashBlockHeader(header) : blockHash;
        var powBytes = pow.ToInternalBytes();
        return new ShareCheckResult(pow, blockHash, Target.DifficultyOfHash(powBytes), NetworkTarget.IsMetBy(powBytes));
    }

    public string BuildBlockHex(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version)
    {
        var header = BuildHeader(extranonce1, extranonce2, ntime, nonce, version, out var coinbase);
        return Convert.ToHexStringLower(header) + "01" + Convert.ToHexStringLower(coinbase);
    }

    /// <summary>Stratum's prevhash: the internal bytes with each 4-byte word reversed.</summary>
    private static string StratumPrevHash(Hash256 previous)
    {
        var bytes = previous.ToInternalBytes();
        for (var i = 0; i < 32; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return Convert.ToHexStringLower(bytes);
    }

    private byte[] BuildHeader(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version, out byte[] coinbase)
    {
        coinbase = [.. _coinbase1, .. extranonce1, .. extranonce2, .. _coinbase2];
        var root = new byte[32];
        Merkle.ComputeRoot(Sha256D.Hash(coinbase), _branch, root);
        var header = new byte[80];
        BinaryPrimitives.WriteUInt32LittleEndian(header, version);
        PreviousBlockHash.WriteInternalBytes(header.AsSpan(4));
        root.CopyTo(header, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), ntime);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), _bits);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), nonce);
        return header;
    }

    private static string Pad(int bytes) => bytes == 0 ? string.Empty : new string('a', bytes * 2);
}
