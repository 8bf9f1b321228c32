using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

/// <summary>The app with outgoing account mail captured instead of logged.</summary>
public sealed class CapturedMailFixture : WebAppFixture
{
    public CapturingEmailSender Mail { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IEmailSender<ApplicationUser>>(Mail);
}

public sealed class PasswordTests(CapturedMailFixture app) : IClassFixture<CapturedMailFixture>
{
    private const string OldPassword = "Correct-Horse-9";
    private const string NewPassword = "Battery-Staple-7";

    private static string NewEmail() => $"miner-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task ASignedInUserCanChangeTheirPasswordAndLogInWithTheNewOne()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();
        (await IdentityForms.RegisterAsync(client, email, OldPassword)).Dispose();

        using var changed = await IdentityForms.PostFormAsync(client, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = OldPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Manage/ChangePassword", IdentityForms.RedirectPath(changed));
        (await IdentityForms.LogoutAsync(client)).Dispose();

        using var withOld = await IdentityForms.LoginAsync(client, email, OldPassword);
        using var withNew = await IdentityForms.LoginAsync(client, email, NewPassword);

        Assert.False(IdentityForms.SetsCookie(withOld, IdentityForms.AuthCookie));
        Assert.True(IdentityForms.SetsCookie(withNew, IdentityForms.AuthCookie));
    }

    [Fact]
    public async Task AForgottenPasswordCanBeResetThroughTheMailedLinkWithoutConfirmingTheAccountFirst()
    {
        using var client = app.Factory.CreateBrowser();
        var email = NewEmail();
        (await IdentityForms.RegisterAsync(client, email, OldPassword)).Dispose();
        (await IdentityForms.LogoutAsync(client)).Dispose();

        (await IdentityForms.PostFormAsync(client, "/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = email })).Dispose();
        var link = app.Mail.LastLinkTo(email);
        Assert.NotNull(link);

        var resetPage = new Uri(link).PathAndQuery;
        var code = await ReadHiddenCodeAsync(client, resetPage);
        using var reset = await IdentityForms.PostFormAsync(client, resetPage, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
            ["Input.Code"] = code,
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", IdentityForms.RedirectPath(reset));

        using var withNew = await IdentityForms.LoginAsync(client, email, NewPassword);
        Assert.True(IdentityForms.SetsCookie(withNew, IdentityForms.AuthCookie));
    }

    private static async Task<string> ReadHiddenCodeAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Code\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "the reset page carries the code in a hidden field");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
