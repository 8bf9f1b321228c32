using BitmernSolo.Web.Components.Pages.Admin;
using Microsoft.Extensions.Configuration;

namespace BitmernSolo.Tests.Admin;

public sealed class MaskedConfigurationTests
{
    private const string Mask = MaskedConfiguration.Mask;

    [Theory]
    [InlineData("Smtp:Password", "hunter2", Mask)]
    [InlineData("Admin:Password", "hunter2", Mask)]
    [InlineData("Pools:0:Daemons:0:Password", "rpcpass", Mask)]
    [InlineData("Pools:0:Ports:1:TlsCertificatePassword", "pfxpass", Mask)]
    [InlineData("Alerts:Telegram:BotToken", "123:abc", Mask)]
    [InlineData("Smtp:Password", "", "")]
    [InlineData("Smtp:User", "pool@example.com", "pool@example.com")]
    [InlineData("Pools:0:Daemons:0:Url", "http://127.0.0.1:8332/", "http://127.0.0.1:8332/")]
    [InlineData("Pools:0:Daemons:0:Url", "http://user:pass@127.0.0.1:8332/", "http://" + Mask + "@127.0.0.1:8332/")]
    public void SecretsAreMaskedAndTheRestIsShown(string key, string value, string expected) =>
        Assert.Equal(expected, MaskedConfiguration.MaskValue(key, value));

    [Theory]
    [InlineData("Host=db;Username=pool;Password=s3cret;Database=pool")]
    [InlineData("Server=db;User Id=pool;Pwd=s3cret")]
    [InlineData("Data Source=/var/lib/pool.db;Password=s3cret")]
    public void TheConnectionStringKeepsItsShapeButNotItsPassword(string connectionString)
    {
        var masked = MaskedConfiguration.MaskValue("Database:ConnectionString", connectionString)!;

        Assert.DoesNotContain("s3cret", masked, StringComparison.Ordinal);
        Assert.Contains(Mask, masked, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyThePoolsOwnSectionsAreListed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pool:Name"] = "Home",
            ["AWS_SECRET_ACCESS_KEY"] = "leak",
            ["HOME"] = "/root",
        }).Build();

        var entries = MaskedConfiguration.Read(configuration);

        Assert.Equal([new ConfigurationEntry("Pool:Name", "Home")], entries);
    }
}
