using System.Net;
using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Admin;

public sealed class AdminPagesTests(AdminAreaFixture app) : IClassFixture<AdminAreaFixture>
{
    public static TheoryData<string> Pages =>
    [
        "/admin", "/admin/pools", "/admin/regions", "/admin/sessions", "/admin/bans", "/admin/blocks", "/admin/payments", "/admin/users", "/admin/configuration",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnAnonymousVisitorIsSentToLogin(string path)
    {
        using var client = app.Factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/Login", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AMinerWithoutTheAdminRoleIsDenied(string path)
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.RegisterAsync(client, $"miner-{Guid.NewGuid():N}@example.com", "Correct-Horse-9")).Dispose();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/AccessDenied", IdentityForms.RedirectPath(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin", "href=\"/hangfire\"")]
    [InlineData("/admin/pools", "Bitcoin mainnet")]
    [InlineData("/admin/pools", "/Satoshi:29.0.0/")]
    [InlineData("/admin/pools", "2.5 ms")]
    [InlineData("/admin/regions", "this instance")]
    [InlineData("/admin/sessions", "198.51.100.7")]
    [InlineData("/admin/sessions", ApiSeed.MinerA + ".rig1")]
    [InlineData("/admin/sessions", "cgminer/4.12")]
    [InlineData("/admin/bans", "IP address or CIDR range")]
    [InlineData("/admin/blocks", "b000000000000000000000000000000000000000000000000000000000899998")]
    [InlineData("/admin/blocks", "Rejected")]
    [InlineData("/admin/blocks", "<td>3,051,757,812.5 / 150,000,000,000,000</td>")] // ltc: the stratum share 2e14 over 65,536, beside getdifficulty
    [InlineData("/admin/payments", "c000000000000000000000000000000000000000000000000000000000899990")]
    [InlineData("/admin/payments", "3.12500000")]
    [InlineData("/admin/users", AdminAreaFixture.AdminEmail)]
    [InlineData("/admin/configuration", "Pools:0:Daemons:0:User")]
    [InlineData("/admin/configuration", "rpcuser")]
    public async Task TheAdminSeesThePage(string path, string expected)
    {
        var html = await AdminPageAsync(path);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionsPageShowsEachSessionsPortHashrateAndLastShare()
    {
        var html = await AdminPageAsync("/admin/sessions");

        foreach (var header in (string[])["<th>Port</th>", "<th>Hashrate</th>", "<th>Connected since</th>", "<th>Last share</th>"])
        {
            Assert.Contains(header, html, StringComparison.Ordinal);
        }

        foreach (var cell in (string[])["<td>3333</td>", "<td>3334</td>", "<td>6.40 TH/s</td>", "<td>1.00 TH/s</td>", "<td>500 MH/s</td>"])
        {
            Assert.Contains(cell, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheConfigurationPageMasksEverySecret()
    {
        var html = await AdminPageAsync("/admin/configuration");

        Assert.Contains("Smtp:Password", html, StringComparison.Ordinal);
        Assert.Contains(BitmernSolo.Web.Components.Pages.Admin.MaskedConfiguration.Mask, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminAreaFixture.SmtpPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminAreaFixture.RpcPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminAreaFixture.TlsPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminAreaFixture.AdminPassword, html, StringComparison.Ordinal);
    }

    private async Task<string> AdminPageAsync(string path)
    {
        using var client = app.Factory.CreateBrowser();
        (await IdentityForms.LoginAsync(client, AdminAreaFixture.AdminEmail, AdminAreaFixture.AdminPassword)).Dispose();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return html;
    }
}
