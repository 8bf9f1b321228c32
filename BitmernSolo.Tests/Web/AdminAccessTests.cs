using System.Net;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

/// <summary>The app with a bootstrap administrator configured.</summary>
public sealed class AdminFixture : WebAppFixture
{
    public const string AdminEmail = "operator@example.com";
    public const string AdminPassword = "Operator-Pass-1";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
    };
}

public sealed class AdminAccessTests(AdminFixture app) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task TheConfiguredAdminCanOpenTheAdminArea()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, AdminFixture.AdminEmail, AdminFixture.AdminPassword)).Dispose();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accounts (", html, StringComparison.Ordinal);
        Assert.Contains(AdminFixture.AdminEmail, html, StringComparison.Ordinal);
        Assert.Contains("href=\"admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrdinaryUserIsSentToAccessDeniedAndSeesNoAdminLink()
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.RegisterAsync(client, $"miner-{Guid.NewGuid():N}@example.com", "Correct-Horse-9")).Dispose();

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/AccessDenied", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"admin\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBootstrapAdminHasTheAdminRole()
    {
        app.Factory.CreateClient().Dispose();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var admin = await users.FindByEmailAsync(AdminFixture.AdminEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, AccountExtensions.AdminRole));
    }
}
