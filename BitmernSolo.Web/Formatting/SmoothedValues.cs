namespace BitmernSolo.Web.Formatting;

/// <summary>A <see cref="HashrateSmoother"/> that also remembers the last smoothed value per key, for rendering.</summary>
public sealed class SmoothedValues(double alpha = HashrateSmoother.DefaultAlpha)
{
    private readonly HashrateSmoother _smoother = new(alpha);
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);

    public double Next(string key, double raw) => _current[key] = _smoother.Next(key, raw);

    public double? Current(string key) => _current.TryGetValue(key, out var value) ? value : null;

    public void Reset()
    {
        _smoother.Reset();
        _current.Clear();
    }
}
