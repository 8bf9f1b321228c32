using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Pools;
using BitmernSolo.Web.Regions;

namespace BitmernSolo.Web.Api;

/// <summary>Routes under <c>/api/pools/{id}/miners/{address}</c>, and the pool-wide additions; each takes <c>?region=</c>.</summary>
internal static class MinerApiEndpoints
{
    private const int MaxAddressLength = 128;

    public static void MapCompatible(RouteGroupBuilder api)
    {
        api.MapGet("/pools/{id}/miners/{address}", (string id, string address, string? perfMode, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, region, pools, regions, queries, async (pool, name) =>
                PerformanceRange.TryParse(perfMode, out var range, out var error)
                    ? Results.Ok(await queries.GetMinerStatsAsync(pool, address, range, name, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest("perfMode: " + error), ct))
            .Produces<MinerStats>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("A miner's payments, current performance per worker and samples over perfMode=Hour|Day|Month. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/miners/{address}/payments", (string id, string address, string? page, string? pageSize, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, PoolApiQueries poolQueries, CancellationToken ct) =>
            WithMinerAsync(id, address, region, pools, regions, queries, async (pool, name) =>
                PageRequest.TryParse(page, pageSize, out var paging, out var error)
                    ? Results.Ok(await poolQueries.GetPaymentsAsync(pool, address, paging, name, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest(error!), ct))
            .Produces<IReadOnlyList<Responses.Payment>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("A miner's matured rewards, newest first. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/miners/{address}/performance", (string id, string address, string? mode, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, region, pools, regions, queries, async (pool, name) =>
                PerformanceRange.TryParse(mode, out var range, out var error)
                    ? Results.Ok(await queries.GetPerformanceAsync(pool, address, range, name, ct).ConfigureAwait(false))
                    : PoolApiEndpoints.BadRequest("mode: " + error), ct))
            .Produces<IReadOnlyList<WorkerPerformanceStatsContainer>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Per-worker samples over mode=Hour|Day|Month. " + RegionParameter.Description);
    }

    public static void MapAdditions(RouteGroupBuilder api)
    {
        api.MapGet("/pools/{id}/miners/{address}/workers", (string id, string address, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, region, pools, regions, queries, async (pool, name) =>
                Results.Ok(await queries.GetWorkersAsync(pool, address, name, ct).ConfigureAwait(false)), ct))
            .Produces<MinerWorkersResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("A miner's workers: online or not, hashrate, last difficulty and share, best shares, region. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/miners/{address}/odds", (string id, string address, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, CancellationToken ct) =>
            WithMinerAsync(id, address, region, pools, regions, queries, async (pool, name) =>
                Results.Ok(await queries.GetOddsAsync(pool, address, name, ct).ConfigureAwait(false)), ct))
            .Produces<OddsResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Chance of a block per day/week/month/year at the miner's current hashrate. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/odds", (string id, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries, CancellationToken ct) =>
            PoolApiEndpoints.WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                Results.Ok(await queries.GetOddsAsync(pool, null, name, ct).ConfigureAwait(false)), ct))
            .Produces<OddsResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Chance of a block per day/week/month/year at the pool's current hashrate. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/bestshares", (string id, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            PoolApiEndpoints.WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                Results.Ok(await queries.GetBestSharesAsync(pool, 10, name, ct).ConfigureAwait(false)), ct))
            .Produces<IReadOnlyList<BestShare>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The ten best shares since the pool's last block. " + RegionParameter.Description);
    }

    private static async Task<IResult> WithMinerAsync(
        string id, string address, string? region, PoolDirectory pools, RegionDirectory regions, MinerApiQueries queries,
        Func<ConfiguredPool, string?, Task<IResult>> then, CancellationToken ct)
    {
        if (!pools.TryGet(id, out var pool))
        {
            return PoolApiEndpoints.UnknownPool(id);
        }

        if (address.Length > MaxAddressLength || !await queries.IsKnownAsync(pool, address, ct).ConfigureAwait(false))
        {
            return Results.Problem(title: "Unknown miner", detail: $"No miner '{address}' in pool '{pool.Id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var (name, problem) = await RegionParameter.ParseAsync(region, regions, ct).ConfigureAwait(false);
        return problem ?? await then(pool, name).ConfigureAwait(false);
    }
}
