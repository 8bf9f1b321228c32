using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BitmernSolo.Tests.Web;

/// <summary>
/// Hosts the real web app on the shipped configuration plus <paramref name="settings"/>, with its SQLite file in
/// <paramref name="dataDirectory"/>.
/// </summary>
public sealed class PoolWebFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Database:DataDirectory"] = dataDirectory,
            };
            configuration.AddInMemoryCollection(values);
        });
    }

    /// <summary>A client that shows redirects instead of following them, keeping cookies.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
