using BitmernSolo.Web.Api.Responses;
using BitmernSolo.Web.Data.Pool;

namespace BitmernSolo.Web.Api;

/// <summary>The routes of <c>/api</c>: first the Miningcore-compatible ones, then BitmernSolo's additions.</summary>
internal static class PoolApiEndpoints
{
    public const string CompatibleTag = "Miningcore-compatible";
    public const string AdditionsTag = "BitmernSolo additions";

    public static void MapCompatible(RouteGroupBuilder api)
    {
        api.MapGet("/pools", async (PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
        {
            var infos = new List<PoolInfo>();
            foreach (var pool in pools.All)
            {
                infos.Add(await queries.GetPoolInfoAsync(pool, ct).ConfigureAwait(false));
            }

            return Results.Ok(new GetPoolsResponse(infos));
        }).Produces<GetPoolsResponse>().WithSummary("Every configured pool with its current statistics.");

        api.MapGet("/pools/{id}", async (string id, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
            pools.TryGet(id, out var pool)
                ? Results.Ok(new GetPoolResponse(await queries.GetPoolInfoAsync(pool, ct).ConfigureAwait(false)))
                : UnknownPool(id))
            .Produces<GetPoolResponse>().ProducesProblem(404).WithSummary("One pool.");

        api.MapGet("/pools/{id}/performance", async (string id, string? r, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
        {
            if (!pools.TryGet(id, out var pool))
            {
                return UnknownPool(id);
            }

            return PerformanceRange.TryParse(r, out var range, out var error)
                ? Results.Ok(new GetPoolStatsResponse(await queries.GetPerformanceAsync(pool, range, ct).ConfigureAwait(false)))
                : BadRequest("r: " + error);
        }).Produces<GetPoolStatsResponse>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Pool samples over r=Hour|Day|Month (default Day).");

        api.MapGet("/pools/{id}/miners", async (string id, string? page, string? pageSize, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
        {
            if (!pools.TryGet(id, out var pool))
            {
                return UnknownPool(id);
            }

            return PageRequest.TryParse(page, pageSize, out var paging, out var error)
                ? Results.Ok(await queries.GetMinersAsync(pool, paging, ct).ConfigureAwait(false))
                : BadRequest(error!);
        }).Produces<IReadOnlyList<MinerPerformanceStats>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Miners with shares in the last ten minutes, fastest first.");

        api.MapGet("/pools/{id}/blocks", async (string id, string? page, string? pageSize, string[]? state, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
        {
            if (!pools.TryGet(id, out var pool))
            {
                return UnknownPool(id);
            }

            return await BlocksAsync(pool.Id, page, pageSize, state, queries, ct);
        }).Produces<IReadOnlyList<Block>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The pool's blocks, newest first; state=pending|confirmed|orphaned|rejected (repeatable) filters.");

        api.MapGet("/blocks", (string? page, string? pageSize, string[]? state, PoolApiQueries queries, CancellationToken ct) =>
            BlocksAsync(null, page, pageSize, state, queries, ct))
            .Produces<IReadOnlyList<Block>>().ProducesProblem(400).WithSummary("Blocks of every pool, newest first.");

        api.MapGet("/pools/{id}/payments", async (string id, string? page, string? pageSize, PoolDirectory pools, PoolApiQueries queries, CancellationToken ct) =>
        {
            if (!pools.TryGet(id, out var pool))
            {
                return UnknownPool(id);
            }

            return PageRequest.TryParse(page, pageSize, out var paging, out var error)
                ? Results.Ok(await queries.GetPaymentsAsync(pool, null, paging, ct).ConfigureAwait(false))
                : BadRequest(error!);
        }).Produces<IReadOnlyList<Responses.Payment>>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Matured block rewards, newest first.");
    }

    private static async Task<IResult> BlocksAsync(
        string? poolId, string? page, string? pageSize, string[]? state, PoolApiQueries queries, CancellationToken ct)
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
            poolId, states.Count == 0 ? PoolApiQueries.DefaultBlockStates : states, paging, ct).ConfigureAwait(false));
    }

    internal static IResult UnknownPool(string id) =>
        Results.Problem(title: "Unknown pool", detail: $"No pool with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    internal static IResult BadRequest(string reason) =>
        Results.Problem(title: "Bad parameter", detail: reason, statusCode: StatusCodes.Status400BadRequest);
}
