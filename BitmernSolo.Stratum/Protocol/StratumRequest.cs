using System.Text.Json;
using System.Text.Json.Serialization;

namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// A JSON-RPC 1.0 style request as miners send it. <see cref="Id"/> may be a number, a string or null and is echoed verbatim;
/// <see cref="Params"/> is an array of mixed types (strings, numbers, arrays, objects) read by each method's handler.
/// </summary>
public sealed class StratumRequest
{
    [JsonPropertyName("id")]
    public JsonElement Id { get; set; }

    [JsonPropertyName("method")]
    public string? Method { get; set; }

    [JsonPropertyName("params")]
    public JsonElement Params { get; set; }
}

/// <summary>Source-generated (reflection-free) metadata for the request type.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General, AllowTrailingCommas = false, MaxDepth = 8)]
[JsonSerializable(typeof(StratumRequest))]
internal sealed partial class StratumJsonContext : JsonSerializerContext;
