using BitmernSolo.Web.Configuration;
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
        return builder;
    }
}
