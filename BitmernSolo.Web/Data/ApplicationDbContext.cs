using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Bans;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Data.Regions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BitmernSolo.Web.Data;

/// <summary>
/// The pool's database: Identity, accounts (wallets, alert preferences, notifications) and the pool's record
/// (blocks, payments, share statistics, workers, network samples), stratum bans, and on PostgreSQL the data-protection key ring. Each
/// entity owns its configuration.
/// </summary>
/// <remarks>
/// This type is the SQLite context; <see cref="PostgresApplicationDbContext"/> is the same model on PostgreSQL with its own
/// migrations (EF Core keeps one migration set per context type). Every service asks for <c>ApplicationDbContext</c> and
/// gets whichever <c>Database:Provider</c> names. A model change needs a migration for each provider, run from the solution
/// directory:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project BitmernSolo.Web --context ApplicationDbContext --output-dir Data/Migrations
/// dotnet ef migrations add &lt;Name&gt; --project BitmernSolo.Web --context PostgresApplicationDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// </remarks>
public class ApplicationDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider subclass, whose options are typed to itself.</summary>
    protected ApplicationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<FoundBlock> Blocks => Set<FoundBlock>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<ShareStat> ShareStats => Set<ShareStat>();

    public DbSet<WorkerState> Workers => Set<WorkerState>();

    public DbSet<NetworkStat> NetworkStats => Set<NetworkStat>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    public DbSet<AlertPreference> AlertPreferences => Set<AlertPreference>();

    public DbSet<NotificationLog> Notifications => Set<NotificationLog>();

    public DbSet<RegionHeartbeat> RegionHeartbeats => Set<RegionHeartbeat>();

    public DbSet<IpBanRecord> Bans => Set<IpBanRecord>();

    /// <summary>
    /// The keys sealing login cookies and antiforgery tokens, shared by every instance on a PostgreSQL database
    /// (<see cref="DataProtectionKeyRing"/>). The table is in the SQLite model too, one model for both providers, but stays
    /// empty there: one machine keeps its keys in the <c>keys/</c> folder beside the database file.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Identity shapes its tables from <c>IdentityOptions.Stores</c> found through the context's application services
    /// (schema version 3 adds passkeys). A context made without the app's services (a design-time tool, a test) would build
    /// the version-1 model; and EF caches one model per context type and options set, not per application service
    /// provider, so whichever context built it first decided the model of every app started later in the process, which
    /// then refused to start ("the model changes each time it is built"). Such contexts get these settings, the same as
    /// <c>AddPoolAccounts</c> gives the app: one model, the migrations' own.
    /// </summary>
    internal static readonly IServiceProvider IdentitySchemaServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        base.OnConfiguring(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchemaServices);
        }
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset> UtcDateTimeOffset =
        new(v => v.ToUniversalTime(), v => v);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);

        // SQLite cannot order or compare DateTimeOffset columns; store ours as binary UTC ticks there (PostgreSQL keeps
        // timestamptz). Identity's own columns keep their shape.
        if (Database.IsSqlite())
        {
            foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("BitmernSolo.Web.Data.", StringComparison.Ordinal) == true))
            {
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                {
                    property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
                }
            }
        }
        else if (Database.IsNpgsql())
        {
            // Npgsql refuses to write a DateTimeOffset with a non-zero offset to timestamptz. Every value we write is UTC
            // already (TimeProvider.GetUtcNow, daemon Unix times), but one local-time value would fail a whole flush, so
            // normalise on the way in; a no-op for UTC values. Identity's LockoutEnd included.
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            {
                // EF passes no nulls to a converter, so one serves DateTimeOffset? too.
                if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(UtcDateTimeOffset);
                }
            }
        }
    }

    // Every tracked write of a Workers row advances its concurrency token (WorkerState.Version); Entries() detects changes first.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WorkerState.AdvanceVersions(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WorkerState.AdvanceVersions(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
