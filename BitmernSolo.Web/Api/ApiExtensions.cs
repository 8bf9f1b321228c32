using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

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
        var options = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddSingleton<PoolDirectory>();
        services.AddSingleton<PoolApiQueries>();
        services.AddSingleton<MinerApiQueries>();
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permits = options.RateLimit.PermitsPerMinute;
            limiter.AddPolicy(RateLimitPolicy, context => permits <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = options.Cors.Origins.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray();
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
        MinerApiEndpoints.MapAdditions(api.MapGroup("").WithTags(PoolApiEndpoints.AdditionsTag));
        return app;
    }
}
