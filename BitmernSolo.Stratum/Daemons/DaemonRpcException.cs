namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// A daemon call failed: <see cref="Code"/> is the daemon's JSON-RPC error code (e.g. -8, -22, -32601) when it answered
/// with one, or one of the transport codes below when it did not answer usefully.
/// </summary>
public sealed class DaemonRpcException : Exception
{
    /// <summary>The daemon could not be reached or timed out.</summary>
    public const int Unreachable = -1_000;

    /// <summary>The daemon refused our credentials (HTTP 401/403).</summary>
    public const int Unauthorized = -1_001;

    /// <summary>The daemon answered something that is not a JSON-RPC response.</summary>
    public const int BadResponse = -1_002;

    public DaemonRpcException(string method, int code, string message, Exception? innerException = null)
        : base($"{method}: {message} (code {code})", innerException)
    {
        Method = method;
        Code = code;
        DaemonMessage = message;
    }

    public DaemonRpcException()
    {
        Method = string.Empty;
        DaemonMessage = string.Empty;
    }

    public DaemonRpcException(string message)
        : this(string.Empty, BadResponse, message)
    {
    }

    public DaemonRpcException(string message, Exception innerException)
        : this(string.Empty, BadResponse, message, innerException)
    {
    }

    public string Method { get; }

    public int Code { get; }

    public string DaemonMessage { get; }

    public bool IsTransportFailure => Code is Unreachable or Unauthorized or BadResponse;
}
