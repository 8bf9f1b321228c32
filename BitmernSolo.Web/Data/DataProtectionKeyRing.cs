using System.Xml.Linq;
using BitmernSolo.Web.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Data;

/// <summary>
/// Where the keys sealing login cookies and antiforgery tokens live. One machine (SQLite) keeps them in <c>keys/</c> beside the
/// database file, so they move with a backup of the data directory. Instances sharing a PostgreSQL database keep them in its
/// <c>DataProtectionKeys</c> table, so a cookie or form issued by one region opens on every other: each reads and writes the
/// same ring, and the framework's key rotation (new keys announced two days before use) is made for such shared storage.
/// </summary>
public static class DataProtectionKeyRing
{
    /// <summary>Every instance must name the same application, or each would derive its own keys from the shared ring.</summary>
    public const string ApplicationName = "BitmernSolo";

    public const string FolderName = "keys";

    public static WebApplicationBuilder AddPoolDataProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);

        // PersistKeysToDbContext<T> would install this repository unconditionally, at registration; the provider is known only
        // from options (after start-up validation and test overrides), so the repository is chosen with them instead.
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DatabaseOptions>, ILoggerFactory, IServiceProvider>((keys, database, loggers, services) =>
                keys.XmlRepository = database.Value.IsPostgres
                    ? new EntityFrameworkCoreXmlRepository<ApplicationDbContext>(services, loggers)
                    : new FileSystemXmlRepository(new DirectoryInfo(Folder(database.Value)), loggers));
        return builder;
    }

    /// <summary>The <c>keys/</c> folder in the data directory: the ring on SQLite, and what an upgraded PostgreSQL instance used.</summary>
    public static string Folder(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Path.Combine(database.ResolveDataDirectory(), FolderName);
    }

    /// <summary>
    /// Copies into the shared ring the keys (and revocations) an instance kept in its <c>keys/</c> folder before its ring moved to
    /// PostgreSQL, unless the ring has them already, so cookies issued before the upgrade still open. Runs after the migrations
    /// and before anything reads the ring (a ring read once is cached for up to a day). The folder is left as it was.
    /// </summary>
    /// <returns>The number of elements copied.</returns>
    internal static async Task<int> ImportFolderAsync(ApplicationDbContext context, string folder, CancellationToken cancellationToken)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xml") : [];
        if (files.Length == 0)
        {
            return 0;
        }

        // Regions on one shared volume start together; the lock keeps them from copying the same key twice.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockId})", cancellationToken).ConfigureAwait(false);
        var present = (await context.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var copied = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            // FileSystemXmlRepository names each file after the element's friendly name (key-{id}, revocation-{time}).
            var friendlyName = Path.GetFileNameWithoutExtension(file);
            if (present.Contains(friendlyName))
            {
                continue;
            }

            var element = XElement.Load(file);
            context.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            copied++;
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return copied;
    }

    /// <summary>An arbitrary advisory-lock number of the pool's own ("BMDP").</summary>
    private const long ImportLockId = 0x424D_4450;
}
