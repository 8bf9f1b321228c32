using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

/// <summary>
/// Hosts the real web app on the shipped configuration plus <paramref name="settings"/>, with its SQLite file in
/// <paramref name="dataDirectory"/>; <paramref name="services"/> may replace services (e.g. capture e-mail).
/// </summary>
public sealed class PoolWebFactory(
    string dataDirectory,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
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
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A client that shows redirects instead of following them, keeping cookies.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
