namespace BitmernSolo.Stratum.VarDiff;

/// <summary>
/// One connection's variable difficulty. It counts shares over a window and, once the window is long enough (or shares
/// flood in), moves the difficulty so that shares arrive every <see cref="VarDiffOptions.TargetSecondsPerShare"/> seconds.
/// A silent miner is lowered by the idle sweep (<see cref="Sweep"/>). Each step is at most a factor of
/// <see cref="MaxStep"/> so one lucky or unlucky window cannot swing it far. Not thread-safe: the session serializes calls.
/// The caller passes the time, so tests drive it with any clock.
/// </summary>
public sealed class VarDiffController
{
    /// <summary>Largest change of one retarget, up or down.</summary>
    public const double MaxStep = 4;

    private readonly VarDiffOptions _options;
    private double _minimum;
    private DateTimeOffset _windowStart;
    private int _sharesInWindow;

    public VarDiffController(VarDiffOptions options, double initialDifficulty, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _minimum = options.MinDifficulty;
        Current = Clamp(initialDifficulty);
        _windowStart = now;
    }

    /// <summary>The difficulty in force.</summary>
    public double Current { get; private set; }

    /// <summary>True when the miner fixed its difficulty (password <c>d=N</c>): no retargeting.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>Clamps to the port bounds and the miner's own minimum (BIP310 minimum-difficulty).</summary>
    public double Clamp(double difficulty) => Math.Clamp(difficulty, _minimum, _options.MaxDifficulty);

    /// <summary>Sets the difficulty (suggestion, restored value) and restarts the window; VarDiff continues from there.</summary>
    public double Reset(double difficulty, DateTimeOffset now, bool isFixed = false)
    {
        Current = Clamp(difficulty);
        IsFixed = isFixed;
        _windowStart = now;
        _sharesInWindow = 0;
        return Current;
    }

    /// <summary>Raises the floor (BIP310 <c>minimum-difficulty</c>), never beyond the port maximum.</summary>
    public void RaiseMinimum(double minimum, DateTimeOffset now)
    {
        _minimum = Math.Clamp(minimum, _options.MinDifficulty, _options.MaxDifficulty);
        if (Current < _minimum)
        {
            Reset(_minimum, now, IsFixed);
        }
    }

    /// <summary>Counts an accepted share; returns the new difficulty when this share triggers a retarget.</summary>
    public double? RecordShare(DateTimeOffset now)
    {
        _sharesInWindow++;
        var elapsed = (now - _windowStart).TotalSeconds;
        var expected = _options.RetargetSeconds / _options.TargetSecondsPerShare;
        // Retarget at the end of the window, or early when shares come far faster than wanted (a big ASIC at start difficulty).
        var flooding = _sharesInWindow >= Math.Max(4, expected * 2) && elapsed > 0;
        return elapsed >= _options.RetargetSeconds || flooding ? Retarget(now, elapsed) : null;
    }

    /// <summary>The idle sweep: lowers the difficulty of a miner that found no share for a whole window.</summary>
    public double? Sweep(DateTimeOffset now)
    {
        var elapsed = (now - _windowStart).TotalSeconds;
        return _sharesInWindow == 0 && elapsed >= _options.RetargetSeconds ? Retarget(now, elapsed) : null;
    }

    private double? Retarget(DateTimeOffset now, double elapsedSeconds)
    {
        var shares = _sharesInWindow;
        _windowStart = now;
        _sharesInWindow = 0;
        if (IsFixed)
        {
            return null;
        }

        // With no share the true rate is at most one per window: a lower bound, so step down by at most MaxStep.
        var secondsPerShare = elapsedSeconds / Math.Max(shares, 1);
        var target = _options.TargetSecondsPerShare;
        var variance = target * _options.VariancePercent / 100;
        if (shares > 0 && Math.Abs(secondsPerShare - target) <= variance)
        {
            return null;
        }

        var factor = Math.Clamp(target / Math.Max(secondsPerShare, 1e-3), 1 / MaxStep, MaxStep);
        var next = Clamp(Round(Current * factor));
        if (next.Equals(Current))
        {
            return null;
        }

        Current = next;
        return next;
    }

    // Whole numbers from 16 up read better in miners' UIs; below (regtest, cpuminer on scrypt) keep 3 significant digits.
    private static double Round(double difficulty)
    {
        if (difficulty >= 16)
        {
            return Math.Floor(difficulty);
        }

        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(difficulty)), 0, 15);
        var rounded = Math.Round(difficulty, digits, MidpointRounding.AwayFromZero);
        return rounded > 0 ? rounded : difficulty;
    }
}
