using BitmernSolo.Web.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Data;

/// <summary>Wires the database from <c>Database</c> configuration.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{ApplicationDbContext}"/> (for components and jobs) and a scoped
    /// <see cref="ApplicationDbContext"/> (for Identity's stores), and migrates at start-up.
    /// </summary>
    public static WebApplicationBuilder AddPoolPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Options are read when the first context is made, after start-up validation and after test overrides.
        builder.Services.AddDbContextFactory<ApplicationDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // Only SQLite reaches here: DatabaseOptionsValidator refuses other providers until their migrations exist.
            options.UseSqlite(database.ResolveConnectionString());
        });
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        builder.Services.AddHostedService<DatabaseInitializer>();

        // Login cookies and antiforgery tokens are sealed with these keys; kept beside the database they survive restarts
        // and container rebuilds that keep the data directory, and move with a backup of it.
        builder.Services.AddDataProtection().SetApplicationName("BitmernSolo");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DatabaseOptions>, ILoggerFactory>((keys, database, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(database.Value.ResolveDataDirectory(), "keys")), loggers));
        return builder;
    }
}
