using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Serialization;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// A job built by <see cref="JobBuilder"/> for one payout script. Immutable; share checks are allocation-free
/// (the Merkle branch is precomputed, buffers are on the stack).
/// </summary>
public sealed class MiningJob : IMiningJob
{
    public const int HeaderSize = 80;
    private const int MaxStackCoinbase = 1024;

    private readonly byte[] _coinbase1;
    private readonly byte[] _coinbase2;
    private readonly Hash256[] _merkleBranch;
    private readonly PowHashFunction _powHash;
    private readonly bool _powIsBlockHash;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal MiningJob(JobRequest request, BlockTemplate template, byte[] coinbase1, byte[] coinbase2, Hash256[] merkleBranch, long minerReward, long fee, DateTimeOffset createdAt)
    {
        Id = request.JobId;
        Template = template;
        PayoutScript = request.MinerScript;
        FeeScript = fee > 0 ? request.FeeScript : null;
        Extranonce1Size = request.Extranonce1Size;
        Extranonce2Size = request.Extranonce2Size;
        MinerRewardSatoshis = minerReward;
        FeeSatoshis = fee;
        CreatedAt = createdAt;
        ShareMultiplier = request.Coin.ShareMultiplier;
        _coinbase1 = coinbase1;
        _coinbase2 = coinbase2;
        _merkleBranch = merkleBranch;
        _powHash = request.Coin.PowHash;
        _powIsBlockHash = request.Coin.PowIsBlockHash;
        NetworkTarget = template.Target;
        _notifyText = TemplateNotifyText.Of(template, merkleBranch);
    }

    private readonly TemplateNotifyText _notifyText;

    /// <summary>The notify text this job shares with every job of its template.</summary>
    internal TemplateNotifyText NotifyText => _notifyText;

    /// <summary>This job's serialized notify, made on first use (<see cref="Protocol.PreparedNotify.Of"/>).</summary>
    internal Protocol.PreparedNotify? Prepared;

    /// <summary>
    /// The parts of a notify that every job of one template shares: made once per template (and branch), not once per payout
    /// address. 10,000 miners with their own addresses each held the same 12 Merkle steps as hex strings (1.8 KB) before.
    /// </summary>
    internal sealed record TemplateNotifyText(string PreviousHash, string[] MerkleBranch, string Version, string NBits, string NTime)
    {
        private static readonly ConditionalWeakTable<Hash256[], TemplateNotifyText> Cache = new();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static TemplateNotifyText Of(BlockTemplate template, Hash256[] merkleBranch)
        {
            // Keyed by the branch array, which the template's work computes once and hands to every job built from it. No
            // GetValue with a capturing callback: that allocated a closure for every job of a new block.
            if (Cache.TryGetValue(merkleBranch, out var text) && ReferenceEquals(text.Template, template))
            {
                return text;
            }

            var created = Create(template, merkleBranch);
            return text is null && !Cache.TryAdd(merkleBranch, created) && Cache.TryGetValue(merkleBranch, out var first) && ReferenceEquals(first.Template, template)
                ? first // another thread made it at the same moment: share one copy
                : created;
        }

        private BlockTemplate? Template { get; init; }

        private static TemplateNotifyText Create(BlockTemplate template, Hash256[] merkleBranch)
        {
            var branchHex = new string[merkleBranch.Length];
            for (var i = 0; i < merkleBranch.Length; i++)
            {
                branchHex[i] = merkleBranch[i].ToInternalHex();
            }

            return new TemplateNotifyText(
                StratumEncoding.PreviousHashToStratumHex(template.PreviousBlockHash),
                branchHex,
                StratumEncoding.UInt32ToBigEndianHex(template.Version),
                StratumEncoding.UInt32ToBigEndianHex(template.Bits),
                StratumEncoding.UInt32ToBigEndianHex(template.CurTime)) { Template = template };
        }
    }

    public string Id { get; }

    public long Height => Template.Height;

    public Hash256 PreviousBlockHash => Template.PreviousBlockHash;

    public uint Version => Template.Version;

    public uint NTime => Template.CurTime;

    public Target NetworkTarget { get; }

    /// <summary>
    /// The notify's parameters, made on each call (the coinbase parts as fresh hex strings; the template's parts shared by all
    /// its jobs). The pool asks once per variant it sends (<see cref="Protocol.PreparedNotify"/>) and keeps only the bytes:
    /// a job per payout address held ≈ 1.2 KB of coinbase hex it never needed again.
    /// </summary>
    public MiningNotifyParams Notify => new(
        Id,
        _notifyText.PreviousHash,
        Convert.ToHexStringLower(_coinbase1),
        Convert.ToHexStringLower(_coinbase2),
        _notifyText.MerkleBranch,
        _notifyText.Version,
        _notifyText.NBits,
        _notifyText.NTime);

    public BlockTemplate Template { get; }

    /// <summary>The scriptPubKey the miner's reward pays.</summary>
    public ReadOnlyMemory<byte> PayoutScript { get; }

    /// <summary>The pool fee's scriptPubKey, or null when this job pays no fee.</summary>
    public ReadOnlyMemory<byte>? FeeScript { get; }

    /// <summary>Whether this job's reward pays exactly <paramref name="scriptPubKey"/>.</summary>
    public bool Pays(ReadOnlySpan<byte> scriptPubKey) => PayoutScript.Span.SequenceEqual(scriptPubKey);

    public long MinerRewardSatoshis { get; }

    public long FeeSatoshis { get; }

    public int Extranonce1Size { get; }

    public int Extranonce2Size { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The coin's stratum difficulty scale, for callers turning <see cref="ShareCheckResult.AchievedDifficulty"/> into stratum difficulty.</summary>
    public double ShareMultiplier { get; }

    public ReadOnlySpan<byte> Coinbase1 => _coinbase1;

    public ReadOnlySpan<byte> Coinbase2 => _coinbase2;

    public ReadOnlySpan<Hash256> MerkleBranch => _merkleBranch;

    /// <summary>
    /// Rebuilds the header and hashes it. <see cref="ShareCheckResult.AchievedDifficulty"/> is the raw difficulty of the
    /// PoW hash (difficulty 1 = 0x00000000FFFF0000…, no share multiplier); the stratum difficulty it achieved is
    /// <c>AchievedDifficulty × ShareMultiplier</c> (65536 for scrypt coins), the same as comparing the hash with
    /// <c>Target.FromDifficulty(stratumDifficulty, ShareMultiplier)</c>.
    /// </summary>
    public ShareCheckResult CheckShare(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(extranonce1, extranonce2, ntime, nonce, version, header);
        Span<byte> powHash = stackalloc byte[32];
        _powHash(header, powHash);
        Span<byte> blockHash = stackalloc byte[32];
        if (_powIsBlockHash)
        {
            powHash.CopyTo(blockHash);
        }
        else
        {
            Sha256D.Hash(header, blockHash);
        }
        return new ShareCheckResult(
            Hash256.FromInternalBytes(powHash),
            Hash256.FromInternalBytes(blockHash),
            Target.DifficultyOfHash(powHash),
            NetworkTarget.IsMetBy(powHash));
    }

    /// <summary>Writes the 80-byte header for a submission: version, prevhash, Merkle root, ntime, nBits, nonce (all little-endian).</summary>
    public void WriteHeader(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version, Span<byte> header)
    {
        CheckExtranonces(extranonce1, extranonce2);
        if (header.Length < HeaderSize)
        {
            throw new ArgumentException("The header buffer must hold 80 bytes.", nameof(header));
        }

        var coinbaseSize = _coinbase1.Length + extranonce1.Length + extranonce2.Length + _coinbase2.Length;
        byte[]? rented = null;
        var coinbase = coinbaseSize <= MaxStackCoinbase
            ? stackalloc byte[MaxStackCoinbase]
            : (rented = ArrayPool<byte>.Shared.Rent(coinbaseSize));
        try
        {
            var written = WriteCoinbaseWithoutWitness(extranonce1, extranonce2, coinbase);
            Span<byte> coinbaseHash = stackalloc byte[32];
            Sha256D.Hash(coinbase[..written], coinbaseHash);
            BinaryPrimitives.WriteUInt32LittleEndian(header, version);
            Template.PreviousBlockHash.WriteInternalBytes(header[4..36]);
            Merkle.ComputeRoot(coinbaseHash, _merkleBranch, header[36..68]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[68..], ntime);
            BinaryPrimitives.WriteUInt32LittleEndian(header[72..], Template.Bits);
            BinaryPrimitives.WriteUInt32LittleEndian(header[76..], nonce);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The coinbase in its txid form: coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2.</summary>
    public byte[] BuildCoinbase(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2)
    {
        CheckExtranonces(extranonce1, extranonce2);
        var buffer = new byte[_coinbase1.Length + extranonce1.Length + extranonce2.Length + _coinbase2.Length];
        WriteCoinbaseWithoutWitness(extranonce1, extranonce2, buffer);
        return buffer;
    }

    public string BuildBlockHex(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version) =>
        Convert.ToHexStringLower(BuildBlock(extranonce1, extranonce2, ntime, nonce, version));

    /// <summary>
    /// The full block: header ‖ tx count ‖ coinbase ‖ template transactions in order ‖ (Litecoin MWEB) 0x01 ‖ mweb block.
    /// The coinbase carries the BIP141 witness reserved value (one 32-byte zero item) when the template commits to
    /// witnesses; the commitment the daemon computed assumes exactly that value.
    /// </summary>
    public byte[] BuildBlock(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version)
    {
        var coinbase = BuildCoinbase(extranonce1, extranonce2);
        var withWitness = Template.DefaultWitnessCommitmentScript is not null;
        var transactionCount = (ulong)Template.Transactions.Count + 1;
        var size = HeaderSize + CompactSize.GetSize(transactionCount) + coinbase.Length + (withWitness ? 2 + 1 + 1 + 32 : 0);
        foreach (var transaction in Template.Transactions)
        {
            size += transaction.Data.Length;
        }

        if (Template.MwebBlock is { } mwebSize)
        {
            size += 1 + mwebSize.Length;
        }

        var block = new byte[size];
        var writer = new SpanWriter(block);
        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(extranonce1, extranonce2, ntime, nonce, version, header);
        writer.WriteBytes(header);
        writer.WriteCompactSize(transactionCount);
        if (withWitness)
        {
            // BIP144: version ‖ marker 0x00 ‖ flag 0x01 ‖ inputs/outputs ‖ witness ‖ lock time.
            writer.WriteBytes(coinbase.AsSpan(0, 4));
            writer.WriteByte(0x00);
            writer.WriteByte(0x01);
            writer.WriteBytes(coinbase.AsSpan(4, coinbase.Length - 8));
            writer.WriteCompactSize(1);
            writer.WriteVarBytes(stackalloc byte[32]);
            writer.WriteBytes(coinbase.AsSpan(coinbase.Length - 4));
        }
        else
        {
            writer.WriteBytes(coinbase);
        }

        foreach (var transaction in Template.Transactions)
        {
            writer.WriteBytes(transaction.Data.Span);
        }

        if (Template.MwebBlock is { } mweb)
        {
            // Litecoin CBlock serialization: after a HogEx-terminated vtx comes the optional MWEB block (0x01 = present).
            writer.WriteByte(0x01);
            writer.WriteBytes(mweb.Span);
        }

        return block;
    }

    private int WriteCoinbaseWithoutWitness(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, Span<byte> destination)
    {
        var writer = new SpanWriter(destination);
        writer.WriteBytes(_coinbase1);
        writer.WriteBytes(extranonce1);
        writer.WriteBytes(extranonce2);
        writer.WriteBytes(_coinbase2);
        return writer.Position;
    }

    private void CheckExtranonces(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2)
    {
        if (extranonce1.Length != Extranonce1Size || extranonce2.Length != Extranonce2Size)
        {
            throw new ArgumentException($"Extranonce sizes must be {Extranonce1Size} and {Extranonce2Size} bytes, not {extranonce1.Length} and {extranonce2.Length}.");
        }
    }
}
