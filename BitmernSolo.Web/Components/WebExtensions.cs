using BitmernSolo.Web.Components.Layout;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace BitmernSolo.Web.Components;

/// <summary>The web front: Blazor components with MudBlazor, the request pipeline and page endpoints.</summary>
public static class WebExtensions
{
    public static WebApplicationBuilder AddPoolWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        UsePublishedWebRoot(builder.Environment);
        UseBuildOutputStaticWebAssets(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// A published app carries its assets in <c>wwwroot</c> beside the DLL, but ASP.NET Core looks for the web root under the
    /// content root, which is the working directory. Started from anywhere else (systemd's default is <c>/</c>), every asset
    /// would then answer 200 with an empty body, since <c>MapStaticAssets</c> reads its endpoint list from beside the DLL.
    /// </summary>
    private static void UsePublishedWebRoot(IWebHostEnvironment environment)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(Path.Combine(environment.ContentRootPath, "wwwroot")) && Directory.Exists(published))
        {
            environment.WebRootPath = published;
            environment.WebRootFileProvider = new PhysicalFileProvider(published);
        }
    }

    /// <summary>
    /// Serves wwwroot and package assets (_content/MudBlazor) from a build output outside Development too, so
    /// <c>dotnet run</c> works as Production (Development does this itself). A build output's runtime manifest points into
    /// the source tree, its obj folder and the NuGet cache; a published app has no manifest and this is a no-op.
    /// </summary>
    private static void UseBuildOutputStaticWebAssets(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        try
        {
            builder.WebHost.UseStaticWebAssets();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new InvalidOperationException(
                "This is a build output: its static web assets are read from where it was built (source tree, obj folder, NuGet "
                + $"cache), and a folder they need is gone ({e.Message}). Build again, or deploy the output of "
                + "`dotnet publish BitmernSolo.Web -c Release`, which carries its own wwwroot (README, Running in production).", e);
        }
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
