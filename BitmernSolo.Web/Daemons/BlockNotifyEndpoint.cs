using System.Security.Cryptography;
using System.Text;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Web.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Daemons;

/// <summary>
/// <c>POST /api/blocknotify/{poolId}</c> for the daemon's <c>-blocknotify</c>: the pool's secret in the
/// <c>X-BlockNotify-Secret</c> header (or <c>?secret=</c>), the block hash optionally as <c>?hash=%s</c>. 404 for an unknown,
/// disabled or secret-less pool, 401 for a wrong secret, 503 while the pool has no running job manager.
/// </summary>
public static class BlockNotifyEndpoint
{
    public const string SecretHeader = "X-BlockNotify-Secret";

    public static IEndpointRouteBuilder MapBlockNotify(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/blocknotify/{poolId}", NotifyAsync).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> NotifyAsync(string poolId, HttpContext context, IOptionsMonitor<PoolListOptions> pools, IServiceProvider services)
    {
        // A machine endpoint: its 401/404 must reach curl as such, not be re-executed into the site's HTML error page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var pool = pools.CurrentValue.Pools.FirstOrDefault(p => p.Enabled && string.Equals(p.Id, poolId, StringComparison.OrdinalIgnoreCase));
        if (pool?.BlockNotifySecret is not { } secret)
        {
            return Results.NotFound();
        }

        var given = context.Request.Headers[SecretHeader].FirstOrDefault() ?? context.Request.Query["secret"].FirstOrDefault();
        if (given is null || !SecretsEqual(given, secret))
        {
            return Results.Unauthorized();
        }

        Hash256? hash = null;
        if (context.Request.Query["hash"].FirstOrDefault() is { Length: > 0 } hashText)
        {
            if (!Hash256.TryFromDisplayHex(hashText, out var parsed))
            {
                return Results.BadRequest("hash is not a 64-digit block hash");
            }

            hash = parsed;
        }

        if (services.GetKeyedService<IWorkSource>(pool.Id) is not INewBlockSink sink)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var published = await sink.NotifyNewBlockAsync(hash, "blocknotify", context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new { published });
    }

    /// <summary>Constant time whatever the lengths: both sides are hashed to 32 bytes first.</summary>
    private static bool SecretsEqual(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
