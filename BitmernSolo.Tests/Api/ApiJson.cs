using System.Net;
using System.Text.Json;

namespace BitmernSolo.Tests.Api;

/// <summary>GET a JSON document and check the status on the way.</summary>
public static class ApiJson
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static DateTimeOffset Time(JsonElement element) => element.GetDateTimeOffset();
}
