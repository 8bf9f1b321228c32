namespace BitmernSolo.Web.Mining;

/// <summary>
/// What one pool's work loop is doing, for status pages, health checks and the daemon monitor: whether it runs, why there
/// is no work, and when the last template arrived. Written by <see cref="PoolJobRunner"/>; read from anywhere.
/// </summary>
public sealed class PoolRuntimeState(string poolId, Func<string?> noWorkReason)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastTemplateAt;
    private long? _lastTemplateHeight;
    private string? _lastFailure;
    private DateTimeOffset? _lastFailureAt;

    public string PoolId { get; } = poolId;

    /// <summary>Why miners get no work right now (daemon unreachable, bad template, loop failing), or null while there is work.</summary>
    public string? NoWorkReason => _lastFailure is { } failure && !IsRunning ? "The work loop failed: " + failure : noWorkReason();

    /// <summary>True while the pool's job manager loop runs (false before start, between restarts and after stop).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>How often the work loop failed and was restarted.</summary>
    public int Restarts { get; private set; }

    public DateTimeOffset? LastTemplateAt
    {
        get
        {
            lock (_lock)
            {
                return _lastTemplateAt;
            }
        }
    }

    public long? LastTemplateHeight
    {
        get
        {
            lock (_lock)
            {
                return _lastTemplateHeight;
            }
        }
    }

    public (string? Message, DateTimeOffset? At) LastFailure
    {
        get
        {
            lock (_lock)
            {
                return (_lastFailure, _lastFailureAt);
            }
        }
    }

    internal void OnTemplate(long height, DateTimeOffset at)
    {
        lock (_lock)
        {
            _lastTemplateAt = at;
            _lastTemplateHeight = height;
        }
    }

    internal void OnStarted() => IsRunning = true;

    internal void OnStopped() => IsRunning = false;

    internal void OnFailure(string message, DateTimeOffset at)
    {
        lock (_lock)
        {
            IsRunning = false;
            Restarts++;
            _lastFailure = message;
            _lastFailureAt = at;
        }
    }
}
