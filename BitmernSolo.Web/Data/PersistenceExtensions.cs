using BitmernSolo.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Data;

/// <summary>Wires the database from <c>Database</c> configuration.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{ApplicationDbContext}"/> (for components and jobs) and a scoped
    /// <see cref="ApplicationDbContext"/> (for Identity's stores), migrates at start-up and keeps the data-protection keys
    /// (<see cref="DataProtectionKeyRing"/>). With <c>Database:Provider = Postgres</c> both hand out a
    /// <see cref="PostgresApplicationDbContext"/>, so no consumer knows the provider.
    /// </summary>
    public static WebApplicationBuilder AddPoolPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Options are read when the factory is first resolved, after start-up validation and after test overrides.
        builder.Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(services => PoolDbContextFactory.Create(
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value, services));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        builder.Services.AddHostedService<DatabaseInitializer>();

        // Registered after DatabaseInitializer: hosted services start in order, and data protection's own loads the key ring,
        // which on PostgreSQL is a table the migrations create.
        builder.AddPoolDataProtection();
        return builder;
    }
}

/// <summary>Makes the context of the configured provider; options are built once, contexts are cheap.</summary>
internal sealed class PoolDbContextFactory(Func<ApplicationDbContext> create) : IDbContextFactory<ApplicationDbContext>
{
    public static PoolDbContextFactory Create(DatabaseOptions database, IServiceProvider services)
    {
        if (database.IsPostgres)
        {
            // No EnableRetryOnFailure: the writers that matter (share statistics, found blocks) keep their data and retry on
            // their own schedule; an execution strategy would instead hold a flush for its whole back-off.
            var postgres = new DbContextOptionsBuilder<PostgresApplicationDbContext>()
                .UseNpgsql(database.ConnectionString)
                .UseApplicationServiceProvider(services)
                .Options;
            return new PoolDbContextFactory(() => new PostgresApplicationDbContext(postgres));
        }

        var sqlite = new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite(database.ResolveConnectionString())
            .UseApplicationServiceProvider(services)
            .Options;
        return new PoolDbContextFactory(() => new ApplicationDbContext(sqlite));
    }

    public ApplicationDbContext CreateDbContext() => create();
}
