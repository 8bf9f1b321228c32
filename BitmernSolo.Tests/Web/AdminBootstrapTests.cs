using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

public sealed class AdminBootstrapTests
{
    private static readonly Dictionary<string, string?> Admin = new()
    {
        ["Admin:Email"] = "operator@example.com",
        ["Admin:Password"] = "Operator-Pass-1",
    };

    [Fact]
    public async Task StartingTwiceOnTheSameDatabaseLeavesExactlyOneAdmin()
    {
        using var data = new TempDirectory();
        using (var first = new PoolWebFactory(data.Path, Admin))
        {
            first.CreateClient().Dispose();
        }

        using var second = new PoolWebFactory(data.Path, Admin);
        second.CreateClient().Dispose();
        await using var scope = second.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var admins = await users.GetUsersInRoleAsync(AccountExtensions.AdminRole);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        Assert.Equal("operator@example.com", Assert.Single(admins).Email);
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WithoutAdminConfigurationNoAccountIsCreated()
    {
        using var data = new TempDirectory();
        using var factory = new PoolWebFactory(data.Path);
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AnAdminPasswordThatBreaksThePasswordRulesStopsStartUpNamingTheKey()
    {
        var message = ConfigurationValidationTests.StartUpFailure(new Dictionary<string, string?>
        {
            ["Admin:Email"] = "operator@example.com",
            ["Admin:Password"] = "short",
        });

        Assert.Contains("Could not create the admin account (Admin:Password)", message, StringComparison.Ordinal);
    }
}
