using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// Writes responses and notifications as newline-terminated JSON. One instance per session (not thread-safe): its buffer
/// and <see cref="Utf8JsonWriter"/> are reused, and each message is copied out once into the bytes queued for sending.
/// </summary>
public sealed class StratumMessageWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _json;

    public StratumMessageWriter() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = false });

    /// <summary><c>{"id":id,"result":true|false,"error":null}</c>.</summary>
    public byte[] Result(JsonElement id, bool result) => Write(id, w => w.WriteBooleanValue(result));

    /// <summary>A response whose result is written by <paramref name="writeResult"/>.</summary>
    public byte[] Result(JsonElement id, Action<Utf8JsonWriter> writeResult) => Write(id, writeResult);

    /// <summary><c>{"id":id,"result":null,"error":[code,"message",null]}</c>.</summary>
    public byte[] Error(JsonElement id, StratumError code, string message)
    {
        Begin();
        WriteId(id);
        _json.WriteNull("result");
        _json.WriteStartArray("error");
        _json.WriteNumberValue((int)code);
        _json.WriteStringValue(message);
        _json.WriteNullValue();
        _json.WriteEndArray();
        return End();
    }

    /// <summary><c>{"id":null,"method":"mining.set_difficulty","params":[d]}</c>.</summary>
    public byte[] SetDifficulty(double difficulty) => Notification(StratumMethods.SetDifficulty, w => w.WriteNumberValue(difficulty));

    /// <summary><c>{"id":null,"method":"mining.set_extranonce","params":[en1,size]}</c>.</summary>
    public byte[] SetExtranonce(string extranonce1Hex, int extranonce2Size) => Notification(StratumMethods.SetExtranonce, w =>
    {
        w.WriteStringValue(extranonce1Hex);
        w.WriteNumberValue(extranonce2Size);
    });

    /// <summary><c>client.reconnect</c> with no arguments: reconnect to the same host and port.</summary>
    public byte[] Reconnect() => Notification(StratumMethods.Reconnect, _ => { });

    public void Dispose() => _json.Dispose();

    private byte[] Notification(string method, Action<Utf8JsonWriter> writeParams)
    {
        Begin();
        _json.WriteNull("id");
        _json.WriteString("method", method);
        _json.WriteStartArray("params");
        writeParams(_json);
        _json.WriteEndArray();
        return End();
    }

    private byte[] Write(JsonElement id, Action<Utf8JsonWriter> writeResult)
    {
        Begin();
        WriteId(id);
        _json.WritePropertyName("result");
        writeResult(_json);
        _json.WriteNull("error");
        return End();
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    private void WriteId(JsonElement id)
    {
        _json.WritePropertyName("id");
        if (id.ValueKind is JsonValueKind.Undefined)
        {
            _json.WriteNullValue();
        }
        else
        {
            id.WriteTo(_json);
        }
    }

    private byte[] End()
    {
        _json.WriteEndObject();
        _json.Flush();
        var bytes = new byte[_buffer.WrittenCount + 1];
        _buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>Formats a difficulty for logs and messages, culture-invariantly.</summary>
    public static string FormatDifficulty(double difficulty) => difficulty.ToString("G6", CultureInfo.InvariantCulture);
}
