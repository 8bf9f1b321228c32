using System.Net;
using System.Text.RegularExpressions;

namespace BitmernSolo.Tests.Web;

/// <summary>
/// Drives the static-SSR Identity pages like a browser without JavaScript: GET the page, take its antiforgery token and
/// form handler name, POST the fields back.
/// </summary>
public static partial class IdentityForms
{
    public const string AuthCookie = ".AspNetCore.Identity.Application";

    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string? actionUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Match(TokenPattern(), page, "antiforgery token", pageUrl),
        };
        if (actionUrl is null)
        {
            form["_handler"] = Match(HandlerPattern(), page, "_handler field", pageUrl);
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(actionUrl ?? pageUrl, UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Logs out through the nav menu's form on the home page, as a signed-in user would.</summary>
    public static Task<HttpResponseMessage> LogoutAsync(HttpClient client) =>
        PostFormAsync(client, "/", new Dictionary<string, string> { ["ReturnUrl"] = "" }, actionUrl: "/Account/Logout");

    /// <summary>True when the response sets cookie <paramref name="name"/> to a value.</summary>
    public static bool SetsCookie(HttpResponseMessage response, string name) =>
        SetCookieHeaders(response).Any(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal)
            && !cookie.StartsWith(name + "=;", StringComparison.Ordinal));

    /// <summary>True when the response deletes cookie <paramref name="name"/>.</summary>
    public static bool ClearsCookie(HttpResponseMessage response, string name) =>
        SetCookieHeaders(response).Any(cookie => cookie.StartsWith(name + "=;", StringComparison.Ordinal));

    private static IEnumerable<string> SetCookieHeaders(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
    }

    public static string RedirectPath(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static string Match(Regex pattern, string page, string what, string pageUrl)
    {
        var match = pattern.Match(page);
        Assert.True(match.Success, $"no {what} on {pageUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"_handler\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex HandlerPattern();
}
