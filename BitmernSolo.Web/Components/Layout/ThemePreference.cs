using Microsoft.AspNetCore.Mvc;

namespace BitmernSolo.Web.Components.Layout;

/// <summary>
/// Light/dark mode kept in a cookie, so it is known while the page is prerendered (no flash of the wrong theme) and
/// works on the static account pages as well as the interactive ones.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "bitmernsolo-theme";
    public const string Path = "/theme";

    public static bool IsDark(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[CookieName] == "dark";
    }

    public static IEndpointRouteBuilder MapThemePreference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpContext context, [FromForm] string? returnUrl) =>
        {
            var next = IsDark(context.Request) ? "light" : "dark";
            context.Response.Cookies.Append(CookieName, next, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
            });
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });
        return endpoints;
    }
}
