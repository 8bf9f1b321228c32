using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Tests.Web;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void WithoutAConnectionStringSqliteUsesTheFileInTheDataDirectory()
    {
        var options = new DatabaseOptions { DataDirectory = "/srv/pool data" };

        Assert.True(options.UsesDefaultSqliteFile);
        Assert.Equal("Data Source=\"/srv/pool data/bitmernsolo.db\"", options.ResolveConnectionString());
    }

    [Fact]
    public void WithoutADataDirectoryTheFileLivesInThePerUserDataFolderNotTheSourceTree()
    {
        var expected = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "bitmernsolo");

        Assert.Equal(expected, new DatabaseOptions().ResolveDataDirectory());
    }

    [Fact]
    public void AConfiguredConnectionStringIsUsedAsGiven()
    {
        var options = new DatabaseOptions { ConnectionString = "Data Source=/var/lib/pool.db" };

        Assert.False(options.UsesDefaultSqliteFile);
        Assert.Equal("Data Source=/var/lib/pool.db", options.ResolveConnectionString());
    }
}
