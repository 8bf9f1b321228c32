using System.Net;
using BitmernSolo.Web.Components.Account;

namespace BitmernSolo.Tests.Web;

/// <summary>The Identity pages driven through their real forms, as a browser without JavaScript would.</summary>
public sealed class AccountFlowTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Password = "Correct-Horse-9";

    private static string NewEmail() => $"miner-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task AVisitorCanRegisterLogOutAndLogInAgain()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();

        using var registered = await IdentityForms.RegisterAsync(client, email, Password);
        Assert.Equal("/", IdentityForms.RedirectPath(registered));
        Assert.True(IdentityForms.SetsCookie(registered, IdentityForms.AuthCookie), "registering signs the new user in");

        using var dashboard = await client.GetAsync(new Uri("/dashboard", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        using var loggedOut = await IdentityForms.LogoutAsync(client);
        Assert.Equal("/", IdentityForms.RedirectPath(loggedOut));
        Assert.True(IdentityForms.ClearsCookie(loggedOut, IdentityForms.AuthCookie), "logging out deletes the auth cookie");

        using var afterLogout = await client.GetAsync(new Uri("/dashboard", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.StartsWith("/Account/Login", IdentityForms.RedirectPath(afterLogout), StringComparison.Ordinal);

        using var loggedIn = await IdentityForms.LoginAsync(client, email, Password);
        Assert.Equal("/", IdentityForms.RedirectPath(loggedIn));
        Assert.True(IdentityForms.SetsCookie(loggedIn, IdentityForms.AuthCookie));

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(email, home, StringComparison.Ordinal);
        Assert.Contains("Log out", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSigningIn()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();
        (await IdentityForms.RegisterAsync(client, email, Password)).Dispose();
        (await IdentityForms.LogoutAsync(client)).Dispose();

        using var response = await IdentityForms.LoginAsync(client, email, "Wrong-Horse-9");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login attempt", html, StringComparison.Ordinal);
        Assert.False(IdentityForms.SetsCookie(response, IdentityForms.AuthCookie));
    }

    [Fact]
    public async Task AnAccountIsLockedOutAfterTooManyFailedLoginsEvenForTheRightPassword()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();
        (await IdentityForms.RegisterAsync(client, email, Password)).Dispose();
        (await IdentityForms.LogoutAsync(client)).Dispose();

        for (var attempt = 1; attempt < AccountExtensions.MaxFailedLogins; attempt++)
        {
            using var failed = await IdentityForms.LoginAsync(client, email, "Wrong-Horse-9");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var lastFailure = await IdentityForms.LoginAsync(client, email, "Wrong-Horse-9");
        Assert.Equal("/Account/Lockout", IdentityForms.RedirectPath(lastFailure));

        using var rightPassword = await IdentityForms.LoginAsync(client, email, Password);
        Assert.Equal("/Account/Lockout", IdentityForms.RedirectPath(rightPassword));
        Assert.False(IdentityForms.SetsCookie(rightPassword, IdentityForms.AuthCookie));
    }

    [Fact]
    public async Task RegisteringTheSameEmailTwiceIsRefused()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();
        (await IdentityForms.RegisterAsync(client, email, Password)).Dispose();
        (await IdentityForms.LogoutAsync(client)).Dispose();

        using var second = await IdentityForms.RegisterAsync(client, email, Password);
        var html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("is already taken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPasswordAcceptsAnAddressAndConfirmsWithoutRevealingWhetherItExists()
    {
        using var client = app.Factory.CreateBrowser();

        using var response = await IdentityForms.PostFormAsync(client, "/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = NewEmail() });

        Assert.Equal("/Account/ForgotPasswordConfirmation", IdentityForms.RedirectPath(response));
    }
}
