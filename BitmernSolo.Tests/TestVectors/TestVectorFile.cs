using System.Text.Json;

namespace BitmernSolo.Tests.TestVectors;

/// <summary>Reads a JSON vector file copied beside the test assembly (see TestVectors/README.md for provenance).</summary>
internal static class TestVectorFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static T Read<T>(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestVectors", fileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidDataException($"{fileName} is empty.");
    }
}
