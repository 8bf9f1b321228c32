using System.Text.Json;
using BitmernSolo.Tests.Web;
using Microsoft.AspNetCore.Hosting;

namespace BitmernSolo.Tests.Publish;

/// <summary>
/// A <c>dotnet build</c> output is not a deployment: its runtime manifest (<c>*.staticwebassets.runtime.json</c>) maps asset
/// URLs into the source tree, its obj folder and the NuGet cache. Run as Production after those moved, it must say so.
/// </summary>
public sealed class BuildOutputTests
{
    [Fact]
    public void ABuildOutputWhoseSourceTreeIsGoneStopsWithAMessageSayingToPublish()
    {
        using var data = new TempDirectory();
        using var output = new TempDirectory();
        var gone = Path.Combine(output.Path, "moved-away", "BitmernSolo.Web", "wwwroot") + Path.DirectorySeparatorChar;
        var manifest = Path.Combine(output.Path, "BitmernSolo.Web.staticwebassets.runtime.json");
        // The shape the SDK writes: content roots, and a tree of paths into them (here: everything from the first).
        File.WriteAllText(manifest, JsonSerializer.Serialize(new
        {
            ContentRoots = new[] { gone },
            Root = new { Children = (object?)null, Asset = (object?)null, Patterns = new[] { new { ContentRootIndex = 0, Pattern = "**", Depth = 0 } } },
        }));
        using var factory = new PoolWebFactory(data.Path).WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest));

        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var error = Chain(thrown).OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.Contains("build output", StringComparison.Ordinal));
        Assert.True(error is not null, $"expected the build-output message, got: {thrown}");
        Assert.Contains(gone, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet publish", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
