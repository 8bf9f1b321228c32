using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Pools;
using BitmernSolo.Web.Regions;

namespace BitmernSolo.Web.Api;

/// <summary>
/// The routes of <c>/api</c>: first the Miningcore-compatible ones, then BitmernSolo's additions. Every route that lists or
/// sums workers, shares, hashrate, blocks or payments sums all regions unless <c>?region=</c> names one (<see cref="RegionParameter"/>).
/// </summary>
internal static class PoolApiEndpoints
{
    public const string CompatibleTag = "Miningcore-compatible";
    public const string AdditionsTag = "BitmernSolo additions";

    public static void MapCompatible(RouteGroupBuilder api)
    {
        api.MapGet("/pools", async (string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
        {
            var (name, problem) = await RegionParameter.ParseAsync(region, regions, ct).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var infos = new List<PoolInfo>();
            foreach (var pool in pools.All)
            {
                infos.Add(await queries.GetPoolInfoAsync(pool, name, ct).ConfigureAwait(false));
            }

            return Results.Ok(new GetPoolsResponse(infos));
        }).Produces<GetPoolsResponse>().ProducesProblem(400)
            .WithSummary("Every configured pool with its current statistics. " + RegionParameter.Description);

        api.MapGet("/pools/{id}", (string id, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                Results.Ok(new GetPoolResponse(await queries.GetPoolInfoAsync(pool, name, ct).ConfigureAwait(false))), ct))
            .Produces<GetPoolResponse>().ProducesProblem(400).ProducesProblem(404).WithSummary("One pool. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/performance", (string id, string? r, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                PerformanceRange.TryParse(r, out var range, out var error)
                    ? Results.Ok(new GetPoolStatsResponse(await queries.GetPerformanceAsync(pool, range, name, ct).ConfigureAwait(false)))
                    : BadRequest("r: " + error), ct))
            .Produces<GetPoolStatsResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Pool samples over r=Hour|Day|Month (default Day). " + RegionParameter.Description);

        api.MapGet("/pools/{id}/miners", (string id, string? page, string? pageSize, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                PageRequest.TryParse(page, pageSize, out var paging, out var error)
                    ? Results.Ok(await queries.GetMinersAsync(pool, paging, name, ct).ConfigureAwait(false))
                    : BadRequest(error!), ct))
            .Produces<IReadOnlyList<MinerPerformanceStats>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Miners with shares in the last ten minutes, fastest first. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/blocks", (string id, string? page, string? pageSize, string[]? state, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            WithPoolAsync(id, region, pools, regions, (pool, name) => BlocksAsync(pool.Id, page, pageSize, state, name, queries, ct), ct))
            .Produces<IReadOnlyList<Block>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The pool's blocks, newest first; state=pending|confirmed|orphaned|rejected (repeatable) filters; source is the finding region. "
                + RegionParameter.Description);

        api.MapGet("/blocks", async (string? page, string? pageSize, string[]? state, string? region, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
        {
            var (name, problem) = await RegionParameter.ParseAsync(region, regions, ct).ConfigureAwait(false);
            return problem ?? await BlocksAsync(null, page, pageSize, state, name, queries, ct).ConfigureAwait(false);
        }).Produces<IReadOnlyList<Block>>().ProducesProblem(400).WithSummary("Blocks of every pool, newest first. " + RegionParameter.Description);

        api.MapGet("/pools/{id}/payments", (string id, string? page, string? pageSize, string? region, PoolDirectory pools, RegionDirectory regions, PoolApiQueries queries, CancellationToken ct) =>
            WithPoolAsync(id, region, pools, regions, async (pool, name) =>
                PageRequest.TryParse(page, pageSize, out var paging, out var error)
                    ? Results.Ok(await queries.GetPaymentsAsync(pool, null, paging, name, ct).ConfigureAwait(false))
                    : BadRequest(error!), ct))
            .Produces<IReadOnlyList<Responses.Payment>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Matured block rewards, newest first. " + RegionParameter.Description + " (the region that found the block)");
    }

    /// <summary>Runs <paramref name="then"/> with the pool and the region filter, or answers 404 (pool) or 400 (region).</summary>
    internal static async Task<IResult> WithPoolAsync(
        string id, string? region, PoolDirectory pools, RegionDirectory regions, Func<ConfiguredPool, string?, Task<IResult>> then, CancellationToken ct)
    {
        if (!pools.TryGet(id, out var pool))
        {
            return UnknownPool(id);
        }

        var (name, problem) = await RegionParameter.ParseAsync(region, regions, ct).ConfigureAwait(false);
        return problem ?? await then(pool, name).ConfigureAwait(false);
    }

    private static async Task<IResult> BlocksAsync(
        string? poolId, string? page, string? pageSize, string[]? state, string? region, PoolApiQueries queries, CancellationToken ct)
    {
        if (!PageRequest.TryParse(page, pageSize, out var paging, out var error))
        {
            return BadRequest(error!);
        }

        var states = new List<BlockStatus>();
        foreach (var text in state ?? [])
        {
            if (!ApiMapping.TryParseStatus(text, out var status))
            {
                return BadRequest("state must be pending, confirmed, orphaned or rejected.");
            }

            states.Add(status);
        }

        return Results.Ok(await queries.GetBlocksAsync(
            poolId, states.Count == 0 ? PoolApiQueries.DefaultBlockStates : states, paging, region, ct).ConfigureAwait(false));
    }

    internal static IResult UnknownPool(string id) =>
        Results.Problem(title: "Unknown pool", detail: $"No pool with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    internal static IResult BadRequest(string reason) =>
        Results.Problem(title: "Bad parameter", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
