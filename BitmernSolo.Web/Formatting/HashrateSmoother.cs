namespace BitmernSolo.Web.Formatting;

/// <summary>
/// Exponential moving average per key (α = 0.3 by default), so a displayed hashrate follows the trend instead of jumping
/// with every 10-second tick's share luck. The first value of a key is shown as it is.
/// </summary>
public sealed class HashrateSmoother(double alpha = HashrateSmoother.DefaultAlpha)
{
    public const double DefaultAlpha = 0.3;

    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public double Alpha { get; } = alpha is > 0 and <= 1 ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha));

    public double Next(string key, double raw)
    {
        var next = _values.TryGetValue(key, out var previous) ? (Alpha * raw) + ((1 - Alpha) * previous) : raw;
        _values[key] = next;
        return next;
    }

    /// <summary>Forget everything, e.g. when the page switches to another miner.</summary>
    public void Reset() => _values.Clear();
}
