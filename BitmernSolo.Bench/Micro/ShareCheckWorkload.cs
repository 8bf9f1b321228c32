using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Bench.Micro;

/// <summary>
/// The SHA-256d share check as the pool runs it, with fixed pseudo-random inputs: hash a ~200-byte coinbase (coinb1 ‖
/// extranonce1 ‖ extranonce2 ‖ coinb2), fold a 12-step Merkle branch (a template of ~2,000–4,000 transactions), write the
/// root and nonce into the 80-byte header, hash it, compare against the share target.
/// </summary>
public sealed class ShareCheckWorkload
{
    private readonly byte[] _coinbase = new byte[200];
    private readonly Hash256[] _branch = new Hash256[12];
    private readonly byte[] _header = new byte[80];
    private readonly Target _shareTarget = Target.FromDifficulty(1024);
    private uint _nonce;

    public ShareCheckWorkload()
    {
        var random = new Random(42);
        random.NextBytes(_coinbase);
        random.NextBytes(_header);
        var step = new byte[32];
        for (var i = 0; i < _branch.Length; i++)
        {
            random.NextBytes(step);
            _branch[i] = Hash256.FromInternalBytes(step);
        }
    }

    public byte[] Header => _header;

    /// <summary>One share: returns whether it met the share target (with random inputs, almost never).</summary>
    public bool CheckShare()
    {
        Span<byte> coinbaseHash = stackalloc byte[32];
        Span<byte> headerHash = stackalloc byte[32];
        _nonce++;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(_coinbase.AsSpan(60), _nonce); // the extranonce2 changes
        Sha256D.Hash(_coinbase, coinbaseHash);
        Merkle.ComputeRoot(coinbaseHash, _branch, _header.AsSpan(36, 32));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(76), _nonce);
        Sha256D.Hash(_header, headerHash);
        return _shareTarget.IsMetBy(headerHash);
    }
}
