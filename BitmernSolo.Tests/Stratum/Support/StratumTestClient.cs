using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace BitmernSolo.Tests.Stratum.Support;

/// <summary>A raw line-level stratum client over any duplex pipe (in-memory or a socket's stream).</summary>
public sealed class StratumTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly IAsyncDisposable? _owner;
    private int _nextId = 1;

    public StratumTestClient(PipeReader input, PipeWriter output, IAsyncDisposable? owner = null)
    {
        _input = input;
        _output = output;
        _owner = owner;
    }

    /// <summary>Notifications (and unmatched responses) read while waiting for a response.</summary>
    public List<JsonElement> Received { get; } = [];

    public async Task SendLineAsync(string line)
    {
        await _output.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
    }

    public async Task SendRawAsync(byte[] bytes) => await _output.WriteAsync(bytes);

    /// <summary>Sends a request and returns its response; messages read meanwhile go to <see cref="Received"/>.</summary>
    public async Task<JsonElement> CallAsync(string method, string paramsJson)
    {
        var id = _nextId++;
        await SendLineAsync($$"""{"id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""");
        return await ReadResponseAsync(id);
    }

    public async Task<JsonElement> ReadResponseAsync(int id)
    {
        while (true)
        {
            var message = await ReadMessageAsync() ?? throw new InvalidOperationException("Connection closed before the response.");
            if (message.TryGetProperty("id", out var mid) && mid.ValueKind == JsonValueKind.Number && mid.GetInt32() == id)
            {
                return message;
            }

            Received.Add(message);
        }
    }

    /// <summary>The next notification with <paramref name="method"/>, from what was received already or from the wire.</summary>
    public async Task<JsonElement> WaitForAsync(string method)
    {
        while (true)
        {
            var index = Received.FindIndex(m => m.TryGetProperty("method", out var name) && name.GetString() == method);
            if (index >= 0)
            {
                var found = Received[index];
                Received.RemoveAt(index);
                return found;
            }

            Received.Add(await ReadMessageAsync() ?? throw new InvalidOperationException($"Connection closed before {method}."));
        }
    }

    /// <summary>The next message, or null when the server closed the connection.</summary>
    public async Task<JsonElement?> ReadMessageAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException ex) when (!timeout.IsCancellationRequested)
            {
                throw new IOException("The server aborted the connection.", ex); // an in-memory pipe completed with an error
            }

            var buffer = result.Buffer;
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is { } position)
            {
                var line = buffer.Slice(0, position).ToArray();
                _input.AdvanceTo(buffer.GetPosition(1, position));
                return JsonDocument.Parse(line).RootElement.Clone();
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>True once the server has closed the connection (reads and drops whatever comes before).</summary>
    public async Task<bool> WaitForCloseAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                Received.Add(message);
            }

            return true;
        }
        catch (IOException)
        {
            return true; // reset by the server
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _output.CompleteAsync();
        }
        catch (IOException)
        {
            // The server already reset the connection.
        }

        await _input.CompleteAsync();
        if (_owner is not null)
        {
            await _owner.DisposeAsync();
        }
    }
}

public static class StratumResponse
{
    public static bool IsTrue(this JsonElement response) =>
        response.GetProperty("result").ValueKind == JsonValueKind.True && response.GetProperty("error").ValueKind == JsonValueKind.Null;

    /// <summary>The error code of a response, or null when it succeeded.</summary>
    public static int? ErrorCode(this JsonElement response) =>
        response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Array ? error[0].GetInt32() : null;
}
