using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Configuration;

namespace BitmernSolo.Tests.Web;

public sealed class ConfigurationLayersTests
{
    private static string ShippedFile(string name) => Path.Combine(AppContext.BaseDirectory, name);

    private static IConfigurationRoot Load(params string[] files)
    {
        var builder = new ConfigurationBuilder();
        ConfigurationLayers.AddFiles(builder, files);
        return builder.Build();
    }

    [Fact]
    public void TheRegtestExampleReplacesTheShippedPoolsInsteadOfMergingIntoThem()
    {
        var configuration = Load(ShippedFile("appsettings.json"), ShippedFile(Path.Combine("examples", "litecoin-regtest.json")));
        var pools = configuration.Get<PoolListOptions>()!.Pools;

        var pool = Assert.Single(pools);
        Assert.Equal("ltc", pool.Id);
        Assert.True(pool.Enabled);
        Assert.Equal("regtest", pool.Network);
        Assert.Equal("http://127.0.0.1:19443/", Assert.Single(pool.Daemons).Url);
        Assert.Equal(3333, Assert.Single(pool.Ports).Port);
        Assert.True(new PoolListValidator().Validate(null, new PoolListOptions { Pools = pools }).Succeeded);
    }

    [Fact]
    public void AFileWithoutPoolsKeepsTheShippedPoolsAndOverridesOtherKeys()
    {
        using var dir = new TempDirectory();
        var extra = Path.Combine(dir.Path, "site.json");
        File.WriteAllText(extra, """{ "Pool": { "Name": "Site Pool" } }""");

        var configuration = Load(ShippedFile("appsettings.json"), extra);

        Assert.Equal("Site Pool", configuration["Pool:Name"]);
        Assert.Equal(6, configuration.Get<PoolListOptions>()!.Pools.Count);
    }

    [Fact]
    public void TheShippedDefaultsPassValidationWithEveryPoolDisabled()
    {
        var pools = Load(ShippedFile("appsettings.json")).Get<PoolListOptions>()!.Pools;

        Assert.True(new PoolListValidator().Validate(null, new PoolListOptions { Pools = pools }).Succeeded);
        Assert.All(pools, pool => Assert.False(pool.Enabled));
        Assert.Equal(4, pools.Single(pool => pool.Coin == "bitcoin").Ports.Count);
        Assert.Equal(3, pools.Single(pool => pool.Coin == "litecoin").Ports.Count);
    }

    [Fact]
    public void AMissingExtraConfigFileIsAnErrorNamingTheVariable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bitmernsolo-no-such-dir", "site.json");

        var error = Assert.Throws<FileNotFoundException>(() => ConfigurationLayers.Files(AppContext.BaseDirectory, "Production", missing));

        Assert.StartsWith("BITMERNSOLO_CONFIG: configuration file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativeExtraConfigFileIsFoundFromAFolderBelowWhereItWasNamed()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "appsettings", "site.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{}");
        var projectFolder = Directory.CreateDirectory(Path.Combine(dir.Path, "BitmernSolo.Web")).FullName;

        var found = ConfigurationLayers.FindExtraFile(Path.Combine("appsettings", "site.json"), projectFolder);

        Assert.Equal(file, found);
    }
}
