using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BitmernSolo.Web.Health;

/// <summary>
/// <c>/healthz</c>: the process answers (no checks run). <c>/readyz</c>: every check tagged <see cref="ReadyTag"/> passes;
/// the JSON body lists them, with each enabled pool's daemon state from
/// <see cref="IPoolStatusSource"/> under the <c>daemons</c> check.
/// </summary>
public static class HealthExtensions
{
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static WebApplicationBuilder AddPoolHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<PoolDaemonsHealthCheck>("daemons", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapPoolHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        });
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
