using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Serialization;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// Turns a block template into a stratum job: a pure function of its inputs and the clock (used only for the job's
/// creation time; the header time is the template's <c>curtime</c>, which the daemon keeps within its own rules).
/// </summary>
public static class JobBuilder
{
    /// <summary>Consensus limit on the coinbase scriptSig (Core <c>CheckTransaction</c>: 2..100 bytes, <c>bad-cb-length</c>).</summary>
    public const int MaxCoinbaseScriptSigSize = 100;

    private const int CoinbaseTransactionVersion = 1;
    private const int MaxScriptSize = 10_000;

    public static MiningJob Build(JobRequest request, TimeProvider clock) => Build(request, Merkle.ComputeBranch(TxIds(request?.Template)), clock);

    /// <summary>
    /// Builds with a Merkle branch already computed for this template (the per-miner jobs of one template share it:
    /// only their coinbases differ).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MiningJob Build(JobRequest request, Hash256[] merkleBranch, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(merkleBranch);
        ArgumentNullException.ThrowIfNull(clock);
        var template = request.Template;
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request.Coin);
        if (request.MinerScript.Length is 0 or > MaxScriptSize || request.FeeScript is { Length: 0 or > MaxScriptSize })
        {
            throw new JobException($"Payout scripts must be 1 to {MaxScriptSize} bytes (MAX_SCRIPT_SIZE).");
        }
        ArgumentException.ThrowIfNullOrEmpty(request.JobId);
        if (request.Extranonce1Size is < 0 or > 16 || request.Extranonce2Size is < 1 or > 16)
        {
            throw new JobException($"Extranonce sizes out of range: extranonce1 {request.Extranonce1Size} (0..16), extranonce2 {request.Extranonce2Size} (1..16).");
        }

        if (template.MwebBlock is not null && !request.Coin.SupportsMweb)
        {
            throw new JobException("The template carries an MWEB block but the coin is not configured for MWEB: wrong coin for this daemon?");
        }

        var (minerReward, fee) = SplitReward(template.CoinbaseValueSatoshis, request.FeePercent, request.FeeScript);
        var heightPush = ScriptNumber.EncodeBip34Height(template.Height);
        var scriptSigSize = heightPush.Length + request.Extranonce1Size + request.Extranonce2Size + request.CoinbaseTag.Length;
        if (scriptSigSize > MaxCoinbaseScriptSigSize)
        {
            var room = MaxCoinbaseScriptSigSize - heightPush.Length - request.Extranonce1Size - request.Extranonce2Size;
            throw new JobException($"The coinbase tag is {request.CoinbaseTag.Length} bytes; with the height and extranonces the coinbase scriptSig would be {scriptSigSize} bytes, over the consensus limit of {MaxCoinbaseScriptSigSize}. The tag may be at most {room} bytes.");
        }

        if (scriptSigSize < 2)
        {
            // Only reachable at height 0 with no extranonce: Core's lower bound of bad-cb-length.
            throw new JobException("The coinbase scriptSig would be shorter than the consensus minimum of 2 bytes.");
        }

        var coinbase1 = BuildCoinbase1(heightPush, scriptSigSize);
        var coinbase2 = BuildCoinbase2(request, template, minerReward, fee);
        return new MiningJob(request, template, coinbase1, coinbase2, merkleBranch, minerReward, fee, clock.GetUtcNow());
    }

    /// <summary>The non-coinbase txids of a template in block order: the leaves right of the coinbase (txid, not wtxid).</summary>
    public static Hash256[] TxIds(BlockTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var ids = new Hash256[template.Transactions.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = template.Transactions[i].TxId;
        }

        return ids;
    }

    /// <summary>Fee = floor(value × percent / 100); the miner gets the rest. Checked arithmetic: amounts never wrap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (long MinerRewardSatoshis, long FeeSatoshis) SplitReward(long coinbaseValueSatoshis, decimal feePercent, ReadOnlyMemory<byte>? feeScript)
    {
        if (feePercent is < 0 or >= 100)
        {
            throw new JobException($"The pool fee must be at least 0% and below 100%, not {feePercent}%.");
        }

        var fee = checked((long)decimal.Floor(coinbaseValueSatoshis * feePercent / 100m));
        if (fee > 0 && feeScript is null)
        {
            throw new JobException("A pool fee is configured but no fee address (script) is.");
        }

        return (checked(coinbaseValueSatoshis - fee), fee);
    }

    // version ‖ 1 input ‖ null prevout ‖ scriptSig length ‖ BIP34 height — the extranonces follow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BuildCoinbase1(byte[] heightPush, int scriptSigSize)
    {
        var buffer = new byte[4 + 1 + 36 + CompactSize.GetSize((ulong)scriptSigSize) + heightPush.Length];
        var writer = new SpanWriter(buffer);
        writer.WriteInt32LittleEndian(CoinbaseTransactionVersion);
        writer.WriteCompactSize(1);
        writer.WriteBytes(stackalloc byte[32]);
        writer.WriteUInt32LittleEndian(uint.MaxValue);
        writer.WriteCompactSize((ulong)scriptSigSize);
        writer.WriteBytes(heightPush);
        return buffer;
    }

    // tag ‖ sequence ‖ outputs ‖ lock time (the non-witness serialization: the txid is over this form).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BuildCoinbase2(JobRequest request, BlockTemplate template, long minerReward, long fee)
    {
        var outputs = new List<(long Value, ReadOnlyMemory<byte> Script)> { (minerReward, request.MinerScript) };
        if (fee > 0)
        {
            outputs.Add((fee, request.FeeScript!.Value));
        }

        if (template.DefaultWitnessCommitmentScript is { } commitment)
        {
            outputs.Add((0, commitment));
        }

        var size = request.CoinbaseTag.Length + 4 + CompactSize.GetSize((ulong)outputs.Count) + 4;
        foreach (var (_, script) in outputs)
        {
            size += 8 + CompactSize.GetSize((ulong)script.Length) + script.Length;
        }

        var buffer = new byte[size];
        var writer = new SpanWriter(buffer);
        writer.WriteBytes(request.CoinbaseTag.Span);
        writer.WriteUInt32LittleEndian(uint.MaxValue);
        writer.WriteCompactSize((ulong)outputs.Count);
        foreach (var (value, script) in outputs)
        {
            writer.WriteInt64LittleEndian(value);
            writer.WriteVarBytes(script.Span);
        }

        writer.WriteUInt32LittleEndian(0);
        return buffer;
    }
}
