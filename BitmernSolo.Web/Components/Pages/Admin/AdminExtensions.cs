using BitmernSolo.Stratum.Bans;
using BitmernSolo.Web.Stratum;
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
        // The stratum registry exists only when AddStratum ran; decided at resolution, so the call order does not matter.
        services.TryAddSingleton<ILiveSessionSource>(sp => sp.GetService<StratumPoolRegistry>() is { } registry
            ? new StratumLiveSessions(registry)
            : new NoLiveSessions());
        services.AddSingleton<AdminRecords>();
        services.AddScoped<AdminUserService>();
        services.AddScoped<AdminSessionService>();
        services.AddScoped<AdminRegionService>();
        return builder;
    }
}
