using BitmernSolo.Tests.Alerts;
using BitmernSolo.Tests.Mining;

namespace BitmernSolo.Tests.Postgres;

/// <summary><see cref="BestShareAcrossRegions"/> on PostgreSQL, the database regions share in production.</summary>
public sealed class PostgresBestShareAcrossRegionsTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task ABlockRecordedByAnotherRegionLeavesOnlyTheSharesFromItsTimeOn() =>
        await (await ScenariosAsync()).ABlockRecordedByAnotherRegionLeavesOnlyTheSharesFromItsTimeOn();

    [Fact]
    public async Task ABlockRecordedByAnotherRegionDuringAFlushLeavesOnlyTheSharesFromItsTimeOn() =>
        await (await ScenariosAsync()).ABlockRecordedByAnotherRegionDuringAFlushLeavesOnlyTheSharesFromItsTimeOn();

    [Fact]
    public async Task ABlockRecordedByAnotherRegionWhileAWorkersFirstRowIsWrittenLeavesOnlyTheSharesFromItsTimeOn() =>
        await (await ScenariosAsync()).ABlockRecordedByAnotherRegionWhileAWorkersFirstRowIsWrittenLeavesOnlyTheSharesFromItsTimeOn();

    private async Task<BestShareAcrossRegions> ScenariosAsync()
    {
        var (connectionString, contexts) = await PostgresAlertParts.DatabaseAsync(postgres);
        return new BestShareAcrossRegions(contexts, between => InterleavingContexts.OnPostgres(connectionString, between));
    }
}
