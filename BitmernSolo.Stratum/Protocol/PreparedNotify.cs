using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BitmernSolo.Stratum.Jobs;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// A job's <c>mining.notify</c>, serialized once and shared by every session that mines the job: the two variants differ only
/// in clean_jobs. Sessions enqueue these arrays as they are (never modified).
/// </summary>
public sealed class PreparedNotify
{
    private static readonly ConditionalWeakTable<IMiningJob, PreparedNotify> Cache = new();

    private PreparedNotify(byte[] clean, byte[] notClean) => (Clean, NotClean) = (clean, notClean);

    /// <summary>The message with clean_jobs = true.</summary>
    public byte[] Clean { get; }

    /// <summary>The message with clean_jobs = false.</summary>
    public byte[] NotClean { get; }

    public byte[] For(bool cleanJobs) => cleanJobs ? Clean : NotClean;

    /// <summary>The job's prepared notify, serialized on first use and cached for the job's lifetime.</summary>
    public static PreparedNotify Of(IMiningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Cache.GetValue(job, static j => Create(j.Notify));
    }

    internal static PreparedNotify Create(MiningNotifyParams notify) => new(Serialize(notify, true), Serialize(notify, false));

    private static byte[] Serialize(MiningNotifyParams p, bool clean)
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
