using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Api;

/// <summary>
/// The read-only REST API under <c>/api</c> (Miningcore-compatible paths and shapes plus BitmernSolo's additions), its
/// per-IP rate limit, CORS policy and OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiExtensions
{
    public const string RateLimitPolicy = "api";
    public const string CorsPolicy = "api";

    public static WebApplicationBuilder AddPoolApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddSingleton<PoolApiQueries>();
        services.AddSingleton<MinerApiQueries>();
        services.AddProblemDetails();
        services.AddOpenApi();

        // Options are read when first used, not here: configuration layered on after the builder (tests, reloads) counts.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit.PermitsPerMinute;
                return permits <= 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = api.Value.Cors.Origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToArray();
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods("GET").AllowAnyHeader();
        }));
        return builder;
    }

    /// <summary>Call after <c>UsePoolWeb</c>: CORS and rate limiting run after routing has picked the endpoint.</summary>
    public static WebApplication MapPoolApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors();
        app.UseRateLimiter();

        app.MapOpenApi().RequireRateLimiting(RateLimitPolicy);
        var api = app.MapGroup("/api").RequireCors(CorsPolicy).RequireRateLimiting(RateLimitPolicy);
        var compatible = api.MapGroup("").WithTags(PoolApiEndpoints.CompatibleTag);
        PoolApiEndpoints.MapCompatible(compatible);
        MinerApiEndpoints.MapCompatible(compatible);
        var additions = api.MapGroup("").WithTags(PoolApiEndpoints.AdditionsTag);
        MinerApiEndpoints.MapAdditions(additions);
        RegionApiEndpoints.MapAdditions(additions);
        return app;
    }
}
