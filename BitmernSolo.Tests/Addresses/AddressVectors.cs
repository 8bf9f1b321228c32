using System.Text.Json;

namespace BitmernSolo.Tests.Addresses;

/// <summary>Loads the JSON vector files under TestVectors/Addresses (copied to the output directory).</summary>
internal static class AddressVectors
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestVectors", "Addresses", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static IEnumerable<JsonElement> Items(string fileName, string property) =>
        Load(fileName).GetProperty(property).EnumerateArray();

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? string.Empty;
}
