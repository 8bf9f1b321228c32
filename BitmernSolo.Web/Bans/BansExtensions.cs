using BitmernSolo.Stratum.Bans;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BitmernSolo.Web.Bans;

public static class BansExtensions
{
    /// <summary>
    /// Stratum bans kept in the database (<see cref="BanJournal"/>, <see cref="BanSync"/>): they outlive a restart and apply
    /// in every instance sharing the database. <c>Bans:SyncInterval</c> sets how soon another instance's change arrives.
    /// </summary>
    public static WebApplicationBuilder AddPoolBans(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BanOptions>().BindConfiguration(BanOptions.SectionName)
            .Validate(o => o.SyncInterval >= TimeSpan.FromSeconds(1), "Bans:SyncInterval is at least one second.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IpBanList>();
        services.AddSingleton<BanJournal>();
        services.AddSingleton<BanSync>();
        services.AddHostedService(sp => sp.GetRequiredService<BanSync>());
        return builder;
    }
}
