using BitmernSolo.Web.Configuration;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Jobs;

/// <summary>Statistics housekeeping: minute buckets rolled up to hours, old rows deleted (section <c>Stats</c>).</summary>
public static class StatsJobsExtensions
{
    public static WebApplicationBuilder AddPoolStatsMaintenance(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StatsOptions>().BindConfiguration(StatsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StatsOptions>, StatsOptionsValidator>();
        builder.Services.AddRecurringPoolJob<StatsRollupJob>();
        builder.Services.AddRecurringPoolJob<StatsRetentionJob>();
        return builder;
    }
}
