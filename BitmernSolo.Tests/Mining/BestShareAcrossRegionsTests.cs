using BitmernSolo.Tests.Alerts;
using BitmernSolo.Tests.Daemons;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Mining;

/// <summary><see cref="BestShareAcrossRegions"/> on SQLite (one file shared by both regions' flushers).</summary>
public sealed class BestShareAcrossRegionsTests
{
    [Fact]
    public async Task ABlockRecordedByAnotherRegionLeavesOnlyTheSharesFromItsTimeOn()
    {
        using var database = await TestDatabase.CreateAsync();
        await (await ScenariosAsync(database)).ABlockRecordedByAnotherRegionLeavesOnlyTheSharesFromItsTimeOn();
    }

    [Fact]
    public async Task ABlockRecordedByAnotherRegionDuringAFlushLeavesOnlyTheSharesFromItsTimeOn()
    {
        using var database = await TestDatabase.CreateAsync();
        await (await ScenariosAsync(database)).ABlockRecordedByAnotherRegionDuringAFlushLeavesOnlyTheSharesFromItsTimeOn();
    }

    [Fact]
    public async Task ABlockRecordedByAnotherRegionWhileAWorkersFirstRowIsWrittenLeavesOnlyTheSharesFromItsTimeOn()
    {
        using var database = await TestDatabase.CreateAsync();
        await (await ScenariosAsync(database)).ABlockRecordedByAnotherRegionWhileAWorkersFirstRowIsWrittenLeavesOnlyTheSharesFromItsTimeOn();
    }

    private static async Task<BestShareAcrossRegions> ScenariosAsync(TestDatabase database)
    {
        await using var db = await database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var connectionString = db.Database.GetConnectionString()!;
        return new BestShareAcrossRegions(database, between => InterleavingContexts.OnSqlite(connectionString, between));
    }
}
