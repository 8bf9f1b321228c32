namespace BitmernSolo.Web.Api.Responses;

// BitmernSolo's own addition: GET /api/regions.

/// <summary>
/// The live regions, the one that answered first (<c>servedBy</c>: the region GeoDNS sent this client to; empty for an
/// unnamed single instance).
/// </summary>
public sealed record RegionsResponse(string ServedBy, IReadOnlyList<RegionInfo> Regions);

/// <summary>A region: the stratum host its miners use, its web address, and its live instances.</summary>
public sealed record RegionInfo(string Name, string StratumHost, string? PublicUrl, bool Served, IReadOnlyList<RegionInstanceInfo> Instances);

/// <summary>One live instance as its last heartbeat said (<c>lastSeen</c> is null for the answering instance before its first).</summary>
public sealed record RegionInstanceInfo(
    string InstanceId,
    string StratumHost,
    string? PublicUrl,
    string? Version,
    DateTimeOffset Started,
    DateTimeOffset? LastSeen,
    IReadOnlyList<RegionPoolInfo> Pools);

/// <summary>
/// One pool in one instance: <c>state</c> as the pool page words it (synced, syncing, daemon down, wrong network, fee address
/// refused, daemon not connected, disabled), <c>detail</c> why miners get no work, <c>height</c> the template being mined,
/// hashrate in H/s.
/// </summary>
public sealed record RegionPoolInfo(string PoolId, string State, string? Detail, long Height, int Connections, int Workers, double Hashrate);
