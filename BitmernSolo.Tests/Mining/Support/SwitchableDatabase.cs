using BitmernSolo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Mining.Support;

/// <summary>A SQLite file with the pool tables whose factory can be switched "down" (every context creation fails as a lost database would).</summary>
public sealed class SwitchableDatabase(string directory) : IDbContextFactory<ApplicationDbContext>
{
    private readonly DbContextOptions<ApplicationDbContext> _options = new DbContextOptionsBuilder<ApplicationDbContext>()
        .UseSqlite($"Data Source={Path.Combine(directory, "mining.db")};Pooling=false").Options;

    public bool Down { get; set; }

    public async Task CreateAsync()
    {
        await using var context = new ApplicationDbContext(_options);
        // Created from the model rather than migrated: outside the app's services Identity's schema options differ from the migrations'.
        await context.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A context whatever <see cref="Down"/> says, for the test's own checks.</summary>
    public ApplicationDbContext Open() => new(_options);

    public ApplicationDbContext CreateDbContext() =>
        Down ? throw new InvalidOperationException("The database is down (test).") : new ApplicationDbContext(_options);
}
