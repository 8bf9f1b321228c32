using BitmernSolo.Stratum.Bans;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>Services behind the admin pages.</summary>
public static class AdminExtensions
{
    public static WebApplicationBuilder AddPoolAdmin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IpBanList>();
        services.TryAddSingleton<ILiveSessionSource, NoLiveSessions>();
        services.AddSingleton<AdminRecords>();
        services.AddScoped<AdminUserService>();
        services.AddScoped<AdminSessionService>();
        return builder;
    }
}
