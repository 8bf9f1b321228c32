using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>Deserializes a framed line straight from its bytes (no string in between) with the source-generated context.</summary>
public static class StratumRequestParser
{
    /// <summary>
    /// Parses one request; false for invalid JSON, a non-object, a missing method or params that are neither an array nor
    /// absent (some miners send a bare number for suggest_difficulty: a scalar is kept and left to the handler).
    /// </summary>
    public static bool TryParse(ReadOnlySequence<byte> line, [NotNullWhen(true)] out StratumRequest? request)
    {
        request = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            var parsed = JsonSerializer.Deserialize(ref reader, StratumJsonContext.Default.StratumRequest);
            if (parsed is null || string.IsNullOrEmpty(parsed.Method) || !IsAcceptableId(parsed.Id))
            {
                return false;
            }

            request = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsAcceptableId(JsonElement id) => id.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
        or JsonValueKind.Number or JsonValueKind.String;
}
