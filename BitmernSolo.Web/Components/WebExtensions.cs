using BitmernSolo.Web.Components.Layout;
using MudBlazor.Services;

namespace BitmernSolo.Web.Components;

/// <summary>The web front: Blazor components with MudBlazor, the request pipeline and page endpoints.</summary>
public static class WebExtensions
{
    public static WebApplicationBuilder AddPoolWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serve wwwroot and package assets (_content/MudBlazor) from the build output in every environment, not only
        // Development, so `dotnet run` works as Production too; a published app has them in wwwroot and this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// No HTTPS redirection or HSTS: operators terminate TLS at a reverse proxy, and a forced redirect would break the plain
    /// http://host:5000 default.
    /// </summary>
    public static WebApplication UsePoolWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPoolPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapThemePreference();
        return app;
    }
}
