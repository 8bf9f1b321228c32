using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Pools;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// The alert jobs' parts on a migrated PostgreSQL database of their own, without the app: a mail server is configured, so
/// notices become queued rows, and the Hangfire storage given holds their delivery jobs (nothing runs them).
/// </summary>
internal static class PostgresAlertParts
{
    public static async Task<(string ConnectionString, IDbContextFactory<ApplicationDbContext> Contexts)> DatabaseAsync(PostgresServer postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresApplicationDbContext>().UseNpgsql(connectionString).Options;
        var contexts = new PoolDbContextFactory(() => new PostgresApplicationDbContext(options));
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return (connectionString, contexts);
    }

    public static NotificationOutbox Outbox(IDbContextFactory<ApplicationDbContext> contexts, JobStorage hangfire, TimeProvider clock) =>
        new(contexts, new BackgroundJobClient(hangfire), clock, Options.Create(new SmtpOptions { Host = "127.0.0.1" }),
            NullLogger<NotificationOutbox>.Instance);

    public static AlertTemplates Templates()
    {
        var site = Options.Create(new PoolOptions());
        return new(new PoolCatalog(new PoolDirectory(Options.Create(new PoolListOptions()), site), site));
    }
}
