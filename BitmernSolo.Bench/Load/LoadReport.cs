using System.Globalization;

namespace BitmernSolo.Bench.Load;

/// <summary>Prints a run with its conditions, in the form BENCHMARKS.md quotes.</summary>
internal static class LoadReport
{
    public static void Print(TextWriter output, LoadOptions options, LoadResult result)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"connections {result.Connected}/{options.Connections}, addresses {options.Addresses}, load average {LoadAverage()}"));
        for (var i = 0; i < result.FanOuts.Count; i++)
        {
            var f = result.FanOuts[i];
            output.WriteLine(string.Create(c, $"fan-out {i + 1}: new prevhash on {f.Reached}/{f.Expected} connections: {f.Summary()}{LoadGenerator.CpuNote(f)}"));
        }

        output.WriteLine(string.Create(c, $"submits: {options.SubmitConnections} connections x {options.InFlight} in flight, {options.SubmitDuration.TotalSeconds:F0} s: {result.SubmitsPerSecond:F0} answered/s; sent {result.Submitted}, answered {result.Answered}"));
        output.WriteLine($"reply latency: {result.ReplyLatency.Summary()}");
        output.WriteLine("answers by code (0 = accepted, -1 = false without code): " +
            string.Join(", ", result.AnswersByCode.Select(kv => string.Create(c, $"{kv.Key}: {kv.Value}"))));
        if (result.ResidentBytesConnected is { } connected)
        {
            var idle = result.ResidentBytesIdle ?? 0;
            output.WriteLine(string.Create(c,
                $"pool RSS: {idle / 1048576.0:F1} MiB before connecting, {connected / 1048576.0:F1} MiB with {result.Connected} connections: {(connected - idle) / (double)Math.Max(1, result.Connected):F0} bytes per connection"));
        }

        if (result.ManagedHeapBytes is var (heapIdle, heapConnected))
        {
            output.WriteLine(string.Create(c,
                $"pool managed heap (live, after a full GC): {heapIdle / 1048576.0:F1} MiB before connecting, {heapConnected / 1048576.0:F1} MiB with {result.Connected} connections: {(heapConnected - heapIdle) / (double)Math.Max(1, result.Connected):F0} bytes per connection"));
        }
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";
}
