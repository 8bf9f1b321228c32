using BitmernSolo.Web.Api.Responses;

namespace BitmernSolo.Web.Api;

/// <summary>Routes under <c>/api/pools/{id}/miners/{address}</c>, and the pool-wide additions.</summary>
internal static class MinerApiEndpoints
{
    private const int MaxAddressLength = 128;

    public static void MapCompatible(RouteGroupBuilder api)
    {
        api.MapGet("/pools/{id}/miners/{address}", (string id, string address, string? perfMode, PoolDirectory pools, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, pools, queries, async pool =>
                PerformanceRange.TryParse(perfMode, out var range, out var error)
                    ? Results.Ok(await queries.GetMinerStatsAsync(pool, address, range, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest("perfMode: " + error), ct))
            .Produces<MinerStats>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("A miner's payments, current performance per worker and samples over perfMode=Hour|Day|Month.");

        api.MapGet("/pools/{id}/miners/{address}/payments", (string id, string address, string? page, string? pageSize, PoolDirectory pools, MinerApiQueries queries, PoolApiQueries poolQueries, CancellationToken ct) =>
            WithMinerAsync(id, address, pools, queries, async pool =>
                PageRequest.TryParse(page, pageSize, out var paging, out var error)
                    ? Results.Ok(await poolQueries.GetPaymentsAsync(pool, address, paging, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest(error!), ct))
            .Produces<IReadOnlyList<Responses.Payment>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("A miner's matured rewards, newest first.");

        api.MapGet("/pools/{id}/miners/{address}/performance", (string id, string address, string? mode, PoolDirectory pools, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, pools, queries, async pool =>
                PerformanceRange.TryParse(mode, out var range, out var error)
                    ? Results.Ok(await queries.GetPerformanceAsync(pool, address, range, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest("mode: " + error), ct))
            .Produces<IReadOnlyList<WorkerPerformanceStatsContainer>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Per-worker samples over mode=Hour|Day|Month.");
    }

    public static void MapAdditions(RouteGroupBuilder api)
    {
        api.MapGet("/pools/{id}/miners/{address}/workers", (string id, string address, PoolDirectory pools, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, pools, queries, async pool =>
                Results.Ok(await queries.GetWorkersAsync(pool, address, ct).ConfigureAwait(false)), ct))
            .Produces<MinerWorkersResponse>().ProducesProblem(404)
            .WithSummary("A miner's workers: online or not, hashrate, last difficulty and share, best shares.");

        api.MapGet("/pools/{id}/miners/{address}/odds", (string id, string address, PoolDirectory pools, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, pools, queries, async pool =>
                Results.Ok(await queries.GetOddsAsync(pool, address, ct).ConfigureAwait(false)), ct))
            .Produces<OddsResponse>().ProducesProblem(404)
            .WithSummary("Chance of a block per day/week/month/year at the miner's current hashrate.");

        api.MapGet("/pools/{id}/odds", async (string id, PoolDirectory pools, MinerApiQueries queries, CancellationToken ct) =>
            pools.TryGet(id, out var pool)
                ? Results.Ok(await queries.GetOddsAsync(pool, null, ct).ConfigureAwait(false))
                : PoolApiEndpoints.UnknownPool(id))
            .Produces<OddsResponse>().ProducesProblem(404)
            .WithSummary("Chance of a block per day/week/month/year at the pool's current hashrate.");

        api.MapGet("/pools/{id}/bestshares", async (string id, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
            pools.TryGet(id, out var pool)
                ? Results.Ok(await queries.GetBestSharesAsync(pool, 10, ct).ConfigureAwait(false))
                : PoolApiEndpoints.UnknownPool(id))
            .Produces<IReadOnlyList<BestShare>>().ProducesProblem(404)
            .WithSummary("The ten best shares since the pool's last block.");
    }

    private static async Task<IResult> WithMinerAsync(
        string id, string address, PoolDirectory pools, MinerApiQueries queries, Func<ConfiguredPool, Task<IResult>> then, CancellationToken ct)
    {
        if (!pools.TryGet(id, out var pool))
        {
            return PoolApiEndpoints.UnknownPool(id);
        }

        if (address.Length > MaxAddressLength || !await queries.IsKnownAsync(pool, address, ct).ConfigureAwait(false))
        {
            return Results.Problem(title: "Unknown miner", detail: $"No miner '{address}' in pool '{pool.Id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return await then(pool).ConfigureAwait(false);
    }
}
