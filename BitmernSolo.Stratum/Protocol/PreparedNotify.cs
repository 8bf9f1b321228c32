using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// A job's <c>mining.notify</c>, serialized once and shared by every session that mines the job: the two variants differ only
/// in clean_jobs. Sessions enqueue these arrays as they are (never modified).
/// </summary>
/// <remarks>
/// Each variant is serialized on first use: a job is announced either with a new block (clean) or as a refresh (not clean),
/// rarely both, and in a solo pool there is a job per payout address: 10,000 miners with their own addresses kept 10,000
/// unused 1.2 KB variants.
/// </remarks>
public sealed class PreparedNotify
{
    private static readonly ConditionalWeakTable<IMiningJob, PreparedNotify> Cache = new();
    private readonly IMiningJob _job; // asked for its parameters once per variant; the job keeps no text of them
    private byte[]? _clean;
    private byte[]? _notClean;
    private int _cleanSenders;
    private int _notCleanSenders;

    private PreparedNotify(IMiningJob job) => _job = job;

    /// <summary>The message with clean_jobs = true.</summary>
    public byte[] Clean => Volatile.Read(ref _clean) ?? Publish(ref _clean, clean: true);

    /// <summary>The message with clean_jobs = false.</summary>
    public byte[] NotClean => Volatile.Read(ref _notClean) ?? Publish(ref _notClean, clean: false);

    public byte[] For(bool cleanJobs) => cleanJobs ? Clean : NotClean;

    /// <summary>The job's prepared notify, cached for the job's lifetime (in the job itself for our own jobs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PreparedNotify Of(IMiningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job is MiningJob own)
        {
            // A field rather than the weak table: a table entry is a dependent handle, which every collection scans.
            return Volatile.Read(ref own.Prepared) ?? Interlocked.CompareExchange(ref own.Prepared, new PreparedNotify(own), null) ?? own.Prepared;
        }

        return Cache.GetValue(job, static j => new PreparedNotify(j));
    }

    /// <summary>Two threads may serialize the same variant at once; both results are identical and the first stored wins.</summary>
    private byte[] Publish(ref byte[]? field, bool clean) =>
        Interlocked.CompareExchange(ref field, _job is MiningJob own ? SerializeDirect(own, clean) : Serialize(_job.Notify, clean), null) ?? field!;

    /// <summary>
    /// True for the first sender of a variant that nobody has serialized yet: it writes the notify straight into its transport
    /// (<see cref="WriteTo"/>) and nothing is kept. Later senders get the shared bytes (<see cref="For"/>). In a solo pool a
    /// new block's job per payout address is usually sent once: keeping its 1.2 KB of bytes made every new block promote
    /// 10,000 of them through the collector's generations in the middle of the fan-out (≈ 25 MB per block, gen 1 pauses of
    /// 25–140 ms).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ClaimFirstUse(bool clean) =>
        _job is MiningJob && !IsKept(clean) && Interlocked.Increment(ref clean ? ref _cleanSenders : ref _notCleanSenders) == 1;

    /// <summary>Whether the variant's bytes are kept for later senders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool IsKept(bool clean) => (clean ? Volatile.Read(ref _clean) : Volatile.Read(ref _notClean)) is not null;

    /// <summary>Writes the variant into <paramref name="writer"/> without keeping it (after <see cref="ClaimFirstUse"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTo(IBufferWriter<byte> writer, bool clean)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_job is not MiningJob own)
        {
            writer.Write(For(clean));
            return;
        }

        var length = LengthOf(own, clean);
        Write(own, clean, writer.GetSpan(length)[..length]);
        writer.Advance(length);
    }

    /// <summary>
    /// The same bytes as <see cref="Serialize"/> of <c>job.Notify</c>, written straight from the job's coinbase bytes and its
    /// template's shared text into one array: no hex strings, no JSON writer, no growing buffer. A solo pool serializes a
    /// notify per payout address on every new block; the garbage of 10,000 of them set off collections in the middle of the
    /// fan-out. Every part is hex or the job id (hex), so nothing needs JSON escaping.
    /// </summary>
    internal static byte[] SerializeDirect(MiningJob job, bool clean)
    {
        var bytes = new byte[LengthOf(job, clean)];
        Write(job, clean, bytes);
        return bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LengthOf(MiningJob job, bool clean)
    {
        var text = job.NotifyText;
        var length = Head.Length + job.Id.Length + 3 + text.PreviousHash.Length + 3 + (2 * job.Coinbase1.Length) + 3
            + (2 * job.Coinbase2.Length) + 3 + 3 + text.Version.Length + 3 + text.NBits.Length + 3 + text.NTime.Length + 2
            + (clean ? 4 : 5) + Tail.Length;
        foreach (var step in text.MerkleBranch)
        {
            length += step.Length + 3; // "step",
        }

        if (text.MerkleBranch.Length > 0)
        {
            length--; // no comma after the last step
        }

        return length;
    }

    /// <summary>Writes the notify into <paramref name="bytes"/>, which is exactly <see cref="LengthOf"/> long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(MiningJob job, bool clean, Span<byte> bytes)
    {
        var text = job.NotifyText;
        var at = 0;
        Put(Head, bytes, ref at);
        Put(job.Id, bytes, ref at);
        Put(QuoteCommaQuote, bytes, ref at);
        Put(text.PreviousHash, bytes, ref at);
        Put(QuoteCommaQuote, bytes, ref at);
        PutHex(job.Coinbase1, bytes, ref at);
        Put(QuoteCommaQuote, bytes, ref at);
        PutHex(job.Coinbase2, bytes, ref at);
        Put("\",["u8, bytes, ref at);
        for (var i = 0; i < text.MerkleBranch.Length; i++)
        {
            Put(i == 0 ? "\""u8 : ",\""u8, bytes, ref at);
            Put(text.MerkleBranch[i], bytes, ref at);
            Put("\""u8, bytes, ref at);
        }

        Put("],\""u8, bytes, ref at);
        Put(text.Version, bytes, ref at);
        Put(QuoteCommaQuote, bytes, ref at);
        Put(text.NBits, bytes, ref at);
        Put(QuoteCommaQuote, bytes, ref at);
        Put(text.NTime, bytes, ref at);
        Put("\","u8, bytes, ref at);
        Put(clean ? "true"u8 : "false"u8, bytes, ref at);
        Put(Tail, bytes, ref at);
        if (at != bytes.Length)
        {
            throw new InvalidOperationException("mining.notify length miscounted.");
        }
    }

    private static ReadOnlySpan<byte> Head => "{\"id\":null,\"method\":\"mining.notify\",\"params\":[\""u8;

    private static ReadOnlySpan<byte> QuoteCommaQuote => "\",\""u8;

    private static ReadOnlySpan<byte> Tail => "]}\n"u8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Put(ReadOnlySpan<byte> part, Span<byte> into, ref int at)
    {
        part.CopyTo(into[at..]);
        at += part.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Put(string ascii, Span<byte> into, ref int at) => at += System.Text.Encoding.ASCII.GetBytes(ascii, into[at..]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PutHex(ReadOnlySpan<byte> data, Span<byte> into, ref int at)
    {
        if (!Convert.TryToHexStringLower(data, into[at..], out var written))
        {
            throw new InvalidOperationException("mining.notify length miscounted.");
        }

        at += written;
    }

    internal static byte[] Serialize(MiningNotifyParams p, bool clean)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNull("id");
            w.WriteString("method", StratumMethods.Notify);
            w.WriteStartArray("params");
            w.WriteStringValue(p.JobId);
            w.WriteStringValue(p.PreviousHash);
            w.WriteStringValue(p.Coinbase1);
            w.WriteStringValue(p.Coinbase2);
            w.WriteStartArray();
            foreach (var step in p.MerkleBranch)
            {
                w.WriteStringValue(step);
            }

            w.WriteEndArray();
            w.WriteStringValue(p.Version);
            w.WriteStringValue(p.NBits);
            w.WriteStringValue(p.NTime);
            w.WriteBooleanValue(clean);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
