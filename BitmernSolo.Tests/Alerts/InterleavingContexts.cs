using System.Data.Common;
using BitmernSolo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BitmernSolo.Tests.Alerts;

/// <summary>
/// Contexts on a real database (SQLite or PostgreSQL) that run another writer, once, between this writer's read of <c>Workers</c> and its
/// next write: the interleaving two background writers can hit by chance, made to happen every time and in one order.
/// </summary>
internal sealed class InterleavingContexts(Func<IInterceptor, ApplicationDbContext> create, Func<Task> between) : IDbContextFactory<ApplicationDbContext>
{
    private readonly BetweenReadAndWrite _interceptor = new(between);

    /// <summary>Whether the other writer ran (a test that never reached the write proves nothing).</summary>
    public bool Interleaved => _interceptor.Ran;

    public static InterleavingContexts OnSqlite(string connectionString, Func<Task> between) => new(
        interceptor => new ApplicationDbContext(
            new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connectionString).AddInterceptors(interceptor).Options),
        between);

    public static InterleavingContexts OnPostgres(string connectionString, Func<Task> between) => new(
        interceptor => new PostgresApplicationDbContext(
            new DbContextOptionsBuilder<PostgresApplicationDbContext>().UseNpgsql(connectionString).AddInterceptors(interceptor).Options),
        between);

    public ApplicationDbContext CreateDbContext() => create(_interceptor);

    private sealed class BetweenReadAndWrite(Func<Task> between) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private bool _readWorkers;

        public bool Ran { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            _readWorkers |= IsRead(command) && command.CommandText.Contains("FROM \"Workers\"", StringComparison.Ordinal);
            return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!IsRead(command))
            {
                await RunOnceAsync();
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RunOnceAsync();
            return result;
        }

        // SaveChanges with more than one statement opens a transaction first (on SQLite, the write lock).
        public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            await RunOnceAsync();
            return result;
        }

        private async Task RunOnceAsync()
        {
            if (_readWorkers && !Ran)
            {
                Ran = true;
                await between();
            }
        }

        private static bool IsRead(DbCommand command) => command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }
}
