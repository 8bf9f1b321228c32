using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Serialization;

namespace BitmernSolo.Stratum.Transactions;

/// <summary>
/// A minimal Bitcoin-family transaction codec: legacy and BIP144 segwit serialization (marker 0x00, flag 0x01,
/// one witness stack per input). Enough to parse a real coinbase and write it back byte for byte; txid hashes the
/// serialization without witness, wtxid with it (BIP141). Litecoin MWEB transactions (flag 0x08) are refused.
/// </summary>
public sealed class Transaction
{
    public Transaction(int version, IReadOnlyList<TxInput> inputs, IReadOnlyList<TxOutput> outputs, uint lockTime)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Version = version;
        Inputs = inputs;
        Outputs = outputs;
        LockTime = lockTime;
    }

    public int Version { get; }

    public IReadOnlyList<TxInput> Inputs { get; }

    public IReadOnlyList<TxOutput> Outputs { get; }

    public uint LockTime { get; }

    public bool HasWitness
    {
        get
        {
            foreach (var input in Inputs)
            {
                if (input.Witness.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool IsCoinbase => Inputs.Count == 1 && Inputs[0].IsNullPrevout;

    public static Transaction Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new SpanReader(bytes);
        var transaction = Read(ref reader);
        if (reader.Remaining != 0)
        {
            throw new TransactionFormatException($"{reader.Remaining} unexpected bytes after the transaction.");
        }

        return transaction;
    }

    public static Transaction ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException e)
        {
            throw new TransactionFormatException("The transaction is not valid hexadecimal.", e);
        }

        return Parse(bytes);
    }

    public static Transaction Read(ref SpanReader reader)
    {
        Require(reader.TryReadInt32LittleEndian(out var version), "version");
        Require(reader.TryReadCompactSize(out var inputCount), "input count");
        var segwit = false;
        if (inputCount == 0)
        {
            // BIP144: an empty input vector is the marker; the flag byte follows.
            Require(reader.TryReadByte(out var flag), "segwit flag");
            if (flag != 0x01)
            {
                throw new TransactionFormatException($"Unsupported transaction flag 0x{flag:x2} (only segwit 0x01 is supported).");
            }

            segwit = true;
            Require(reader.TryReadCompactSize(out inputCount), "input count");
        }

        var inputs = new List<(Hash256, uint, byte[], uint)>();
        for (ulong i = 0; i < inputCount; i++)
        {
            Require(reader.TryReadBytes(32, out var prevHash), "outpoint");
            Require(reader.TryReadUInt32LittleEndian(out var prevIndex), "outpoint index");
            Require(reader.TryReadVarBytes(out var scriptSig), "scriptSig");
            Require(reader.TryReadUInt32LittleEndian(out var sequence), "sequence");
            inputs.Add((Hash256.FromInternalBytes(prevHash), prevIndex, scriptSig.ToArray(), sequence));
        }

        Require(reader.TryReadCompactSize(out var outputCount), "output count");
        var outputs = new List<TxOutput>();
        for (ulong i = 0; i < outputCount; i++)
        {
            Require(reader.TryReadInt64LittleEndian(out var value), "output value");
            Require(reader.TryReadVarBytes(out var script), "scriptPubKey");
            outputs.Add(new TxOutput(value, script.ToArray()));
        }

        var witnesses = new List<ReadOnlyMemory<byte>>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            witnesses[i] = [];
            if (!segwit)
            {
                continue;
            }

            Require(reader.TryReadCompactSize(out var items), "witness item count");
            for (ulong j = 0; j < items; j++)
            {
                Require(reader.TryReadVarBytes(out var item), "witness item");
                witnesses[i].Add(item.ToArray());
            }
        }

        Require(reader.TryReadUInt32LittleEndian(out var lockTime), "lock time");
        var txInputs = new TxInput[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var (hash, index, scriptSig, sequence) = inputs[i];
            txInputs[i] = new TxInput(hash, index, scriptSig, sequence, witnesses[i]);
        }

        var transaction = new Transaction(version, txInputs, outputs, lockTime);
        if (segwit && !transaction.HasWitness)
        {
            // Core refuses this too ("Superfluous witness record", primitives/transaction.h).
            throw new TransactionFormatException("Segwit serialization with an empty witness.");
        }

        return transaction;
    }

    /// <summary>Serializes with the witness when <paramref name="includeWitness"/> and the transaction has one (BIP144).</summary>
    public byte[] ToBytes(bool includeWitness = true)
    {
        var withWitness = includeWitness && HasWitness;
        var buffer = new byte[GetSize(withWitness)];
        var writer = new SpanWriter(buffer);
        Write(ref writer, withWitness);
        return buffer;
    }

    public string ToHex(bool includeWitness = true) => Convert.ToHexStringLower(ToBytes(includeWitness));

    /// <summary>The txid: SHA-256d of the serialization without witness.</summary>
    public Hash256 ComputeTxId() => Hash256.Compute(ToBytes(includeWitness: false));

    /// <summary>The wtxid (BIP141): SHA-256d of the serialization with witness (equals the txid without one).</summary>
    public Hash256 ComputeWitnessTxId() => Hash256.Compute(ToBytes(includeWitness: true));

    private int GetSize(bool withWitness)
    {
        var size = 4 + CompactSize.GetSize((ulong)Inputs.Count) + CompactSize.GetSize((ulong)Outputs.Count) + 4;
        size += withWitness ? 2 : 0;
        foreach (var input in Inputs)
        {
            size += 32 + 4 + CompactSize.GetSize((ulong)input.ScriptSig.Length) + input.ScriptSig.Length + 4;
            if (withWitness)
            {
                size += CompactSize.GetSize((ulong)input.Witness.Count);
                foreach (var item in input.Witness)
                {
                    size += CompactSize.GetSize((ulong)item.Length) + item.Length;
                }
            }
        }

        foreach (var output in Outputs)
        {
            size += 8 + CompactSize.GetSize((ulong)output.ScriptPubKey.Length) + output.ScriptPubKey.Length;
        }

        return size;
    }

    private void Write(ref SpanWriter writer, bool withWitness)
    {
        writer.WriteInt32LittleEndian(Version);
        if (withWitness)
        {
            writer.WriteByte(0x00);
            writer.WriteByte(0x01);
        }

        writer.WriteCompactSize((ulong)Inputs.Count);
        Span<byte> hash = stackalloc byte[32];
        foreach (var input in Inputs)
        {
            input.PreviousTxIdInternal.WriteInternalBytes(hash);
            writer.WriteBytes(hash);
            writer.WriteUInt32LittleEndian(input.PreviousIndex);
            writer.WriteVarBytes(input.ScriptSig.Span);
            writer.WriteUInt32LittleEndian(input.Sequence);
        }

        writer.WriteCompactSize((ulong)Outputs.Count);
        foreach (var output in Outputs)
        {
            writer.WriteInt64LittleEndian(output.ValueSatoshis);
            writer.WriteVarBytes(output.ScriptPubKey.Span);
        }

        if (withWitness)
        {
            foreach (var input in Inputs)
            {
                writer.WriteCompactSize((ulong)input.Witness.Count);
                foreach (var item in input.Witness)
                {
                    writer.WriteVarBytes(item.Span);
                }
            }
        }

        writer.WriteUInt32LittleEndian(LockTime);
    }

    private static void Require(bool ok, string field)
    {
        if (!ok)
        {
            throw new TransactionFormatException($"Transaction truncated or non-canonical at its {field}.");
        }
    }
}
