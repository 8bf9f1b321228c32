using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Publish;

/// <summary>
/// The deployment the README documents: a <c>dotnet publish</c> output run on its own with <c>dotnet BitmernSolo.Web.dll</c>,
/// nothing from the source tree, the build's obj folder or the NuGet cache. Its pages and every asset they load must be served.
/// </summary>
public sealed partial class PublishedAppTests(PublishedAppFixture published) : IClassFixture<PublishedAppFixture>
{
    /// <summary>Assets the pages load that must never go missing, by their unfingerprinted URLs.</summary>
    private static readonly string[] Essentials =
    [
        "_content/MudBlazor/MudBlazor.min.css",
        "_content/MudBlazor/MudBlazor.min.js",
        "_framework/blazor.web.js",
        "app.css",
        "BitmernSolo.Web.styles.css",
        "js/charts.js",
        "vendor/apexcharts/apexcharts.min.js",
    ];

    [Fact]
    public void APublishCarriesItsAssetsAndNoListPointingBackToWhereItWasBuilt()
    {
        published.SkipIfUnavailable();

        // A build output's *.staticwebassets.runtime.json maps URLs into the source tree and the NuGet cache.
        Assert.Empty(Directory.GetFiles(published.Folder, "*.staticwebassets.runtime.json"));
        Assert.All(Essentials, url => Assert.True(File.Exists(Path.Combine(published.Folder, "wwwroot", url)), $"wwwroot/{url} missing"));
    }

    [Theory]
    [InlineData("its own folder")]
    [InlineData("another folder")]
    public async Task ThePublishedAppServesItsPagesAndEveryAssetTheyReference(string startedIn)
    {
        published.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        // systemd starts a service in / unless told otherwise: the working directory is not where the app lives.
        using var elsewhere = new TempDirectory();
        await using var app = published.Start(startedIn == "its own folder" ? published.Folder : elsewhere.Path);
        await app.WaitUntilReadyAsync(cancellationToken);

        using (var ready = await app.Client.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken))
        {
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(cancellationToken));
            var daemons = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "daemons");
            Assert.Equal("no pool enabled, so no daemon to wait for", daemons.GetProperty("description").GetString());
        }

        using var home = await app.Client.GetAsync(new Uri("", UriKind.Relative), cancellationToken);
        var html = await home.Content.ReadAsStringAsync(cancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("BitmernSolo", html, StringComparison.Ordinal);

        var referenced = AssetUrls(html);
        var failures = new List<string>();
        foreach (var url in referenced.Concat(Essentials).Distinct(StringComparer.Ordinal))
        {
            using var response = await app.Client.GetAsync(new Uri(app.BaseAddress, url), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                failures.Add($"{url}: {(int)response.StatusCode}, {body.Length} bytes");
            }
        }

        // The home page references at least MudBlazor's CSS and JS, our CSS, Blazor's script and the import map's modules.
        Assert.True(referenced.Count >= Essentials.Length, $"only {referenced.Count} assets found in the home page: {string.Join(", ", referenced)}");
        Assert.True(failures.Count == 0, $"assets not served by the app started in {startedIn}:\n{string.Join('\n', failures)}\n\napp log:\n{app.RecentLog}");
    }

    /// <summary>
    /// Every asset URL the page loads: stylesheets and icons (<c>&lt;link href&gt;</c>), scripts (<c>&lt;script src&gt;</c>)
    /// and the modules of the import map (its keys and their fingerprinted targets), which the chart, copy and visibility
    /// components import at run time.
    /// </summary>
    private static List<string> AssetUrls(string html)
    {
        var urls = LinkHref().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(ScriptSrc().Matches(html).Select(m => m.Groups[1].Value))
            .ToList();
        foreach (Match map in ImportMap().Matches(html))
        {
            using var json = JsonDocument.Parse(WebUtility.HtmlDecode(map.Groups[1].Value));
            foreach (var import in json.RootElement.GetProperty("imports").EnumerateObject())
            {
                urls.Add(import.Name);
                urls.Add(import.Value.GetString()!);
            }
        }

        return urls.Select(url => WebUtility.HtmlDecode(url).TrimStart('.', '/')).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("""<link\b[^>]*\bhref="([^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkHref();

    [GeneratedRegex("""<script\b[^>]*\bsrc="([^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSrc();

    [GeneratedRegex("""<script\b[^>]*\btype="importmap"[^>]*>(.*?)</script>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}
