using System.Net;
using System.Text.RegularExpressions;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// Two regions on one PostgreSQL database seal login cookies and antiforgery tokens with one key ring, kept in that database:
/// a user signed in through one region is signed in on the other, and a form served by one may be posted to the other.
/// </summary>
public sealed partial class SharedKeyRingTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const string Password = "Correct-Horse-9";

    private readonly TempDirectory _euData = new();
    private readonly TempDirectory _usData = new();

    public void Dispose()
    {
        _euData.Dispose();
        _usData.Dispose();
    }

    [Fact]
    public async Task ALoginCookieIssuedByOneRegionOpensAnAuthorizedPageOnAnotherRegion()
    {
        var database = await postgres.CreateDatabaseAsync();
        var euLogs = new CapturingLoggerProvider();
        await using var eu = new PoolWebFactory(_euData.Path, RegionSettings.For(database, "eu", 1), services => services.AddSingleton<ILoggerProvider>(euLogs));
        using var euBrowser = eu.CreateBrowser(); // first: it migrates the empty database
        await using var us = new PoolWebFactory(_usData.Path, RegionSettings.For(database, "us", 2));
        using var usClient = us.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var registered = await IdentityForms.RegisterAsync(euBrowser, "roaming@example.com", Password);
        using var euLogin = eu.CreateBrowser();
        using var loggedIn = await IdentityForms.LoginAsync(euLogin, "roaming@example.com", Password);
        Assert.Equal("/", IdentityForms.RedirectPath(loggedIn));
        var cookie = CookiePair(loggedIn, IdentityForms.AuthCookie);

        using var anonymous = await usClient.GetAsync(new Uri("/wallets", UriKind.Relative), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/wallets", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var signedIn = await usClient.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.StartsWith("/Account/Login", IdentityForms.RedirectPath(anonymous), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        await using var db = await us.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_euData.Path, DataProtectionKeyRing.FolderName)), "eu keeps no keys folder");
        Assert.False(Directory.Exists(Path.Combine(_usData.Path, DataProtectionKeyRing.FolderName)), "us keeps no keys folder");
        // The ring is first read at start-up, after the migrations made its table on the empty database.
        Assert.DoesNotContain(euLogs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains("DataProtectionKeys", StringComparison.Ordinal));
        Assert.DoesNotContain(euLogs.Entries, e => e.Message.Contains("failed to load during application startup", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysAnUpgradedInstanceKeptInItsFolderAreCopiedIntoTheDatabaseSoWhatTheySealedStillOpensInEveryRegion()
    {
        const string Purpose = "SharedKeyRingTests.Upgrade";
        string sealedBefore;
        // Before the upgrade the instance kept its ring in keys/ beside its data, as SQLite still does.
        await using (var before = new PoolWebFactory(_euData.Path))
        {
            sealedBefore = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("signed in before the upgrade");
        }

        var folderKeys = Directory.GetFiles(Path.Combine(_euData.Path, DataProtectionKeyRing.FolderName), "key-*.xml").Select(Path.GetFileNameWithoutExtension).ToList();
        var database = await postgres.CreateDatabaseAsync();
        await using var eu = new PoolWebFactory(_euData.Path, RegionSettings.For(database, "eu", 1));
        var euOpened = eu.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(sealedBefore);
        await using var euAgain = new PoolWebFactory(_euData.Path, RegionSettings.For(database, "eu", 1)); // a restart copies nothing twice
        await using var us = new PoolWebFactory(_usData.Path, RegionSettings.For(database, "us", 2));
        var usOpened = us.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(sealedBefore);
        var sealedAfter = us.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("signed in after");

        Assert.Equal("signed in before the upgrade", euOpened);
        Assert.Equal("signed in before the upgrade", usOpened);
        Assert.Equal("signed in after", euAgain.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(sealedAfter));
        await using var db = await us.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ring = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(folderKeys);
        Assert.Equal(folderKeys.Order(StringComparer.Ordinal), ring.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFormServedByOneRegionIsAcceptedWhenPostedToAnotherRegion()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var eu = new PoolWebFactory(_euData.Path, RegionSettings.For(database, "eu", 1));
        using var euBrowser = eu.CreateBrowser();
        using var registered = await IdentityForms.RegisterAsync(euBrowser, "formful@example.com", Password);
        await using var us = new PoolWebFactory(_usData.Path, RegionSettings.For(database, "us", 2));
        using var euClient = eu.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var usClient = us.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The login form and its antiforgery cookie come from eu; the filled-in form goes to us, as behind one host name.
        using var form = await euClient.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value),
                ["_handler"] = WebUtility.HtmlDecode(HandlerPattern().Match(page).Groups[1].Value),
                ["Input.Email"] = "formful@example.com",
                ["Input.Password"] = Password,
            }),
        };
        post.Headers.Add("Cookie", CookiePair(form, ".AspNetCore.Antiforgery."));
        using var loggedIn = await usClient.SendAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal("/", IdentityForms.RedirectPath(loggedIn));
        Assert.True(IdentityForms.SetsCookie(loggedIn, IdentityForms.AuthCookie), "us signs in the user with eu's form");
    }

    /// <summary>The <c>name=value</c> of the first cookie the response sets whose name starts with <paramref name="namePrefix"/>.</summary>
    private static string CookiePair(HttpResponseMessage response, string namePrefix)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(namePrefix, StringComparison.Ordinal));
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"_handler\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex HandlerPattern();
}
