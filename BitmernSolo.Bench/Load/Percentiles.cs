using System.Diagnostics;
using System.Globalization;

namespace BitmernSolo.Bench.Load;

/// <summary>Nearest-rank percentiles of Stopwatch tick durations, printed in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly long[] _sorted;

    public Percentiles(IEnumerable<long> ticks)
    {
        _sorted = [.. ticks];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Milliseconds(double percentile) => _sorted.Length == 0
        ? double.NaN
        : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;

    public string Summary(bool withFirst = false) => string.Create(CultureInfo.InvariantCulture,
        $"{(withFirst ? $"first {Milliseconds(0):F1} ms, " : "")}p50 {Milliseconds(50):F1} ms, p90 {Milliseconds(90):F1} ms, p99 {Milliseconds(99):F1} ms, max {Milliseconds(100):F1} ms (n = {Count})");
}
