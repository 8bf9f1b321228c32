using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data.Pool;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Data;

/// <summary>
/// Brings the database to the current schema before the site serves requests: creates the default data directory and
/// applies the checked-in migrations, so the embedded default needs no manual step; on PostgreSQL copies an upgraded instance's
/// <c>keys/</c> folder into the shared key ring (<see cref="DataProtectionKeyRing.ImportFolderAsync"/>); then repairs what
/// depends on the configured pools (<see cref="BlockDifficultyUnits"/>).
/// </summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<ApplicationDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    IOptions<PoolListOptions> pools,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value;
        if (database.UsesDefaultSqliteFile)
        {
            Directory.CreateDirectory(database.ResolveDataDirectory());
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var keysFolder = DataProtectionKeyRing.Folder(database);
        if (database.IsPostgres
            && await DataProtectionKeyRing.ImportFolderAsync(context, keysFolder, cancellationToken).ConfigureAwait(false) is > 0 and var imported)
        {
            LogKeysImported(logger, imported, keysFolder);
        }

        if (await BlockDifficultyUnits.ToDaemonUnitsAsync(context, pools.Value.Pools, cancellationToken).ConfigureAwait(false) is > 0 and var changed)
        {
            LogBlocksRepaired(logger, changed);
        }

        LogReady(logger, database.Provider, database.UsesDefaultSqliteFile ? database.ResolveConnectionString() : "(configured connection string)");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Provider} {Location}")]
    private static partial void LogReady(ILogger logger, string provider, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} data-protection keys copied from {Folder} into the database's shared key ring; the folder is no longer used")]
    private static partial void LogKeysImported(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network difficulty of {Count} found blocks converted from stratum to daemon units")]
    private static partial void LogBlocksRepaired(ILogger logger, int count);
}
