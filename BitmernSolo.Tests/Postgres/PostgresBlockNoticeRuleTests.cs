using BitmernSolo.Tests.Alerts;
using BitmernSolo.Tests.Email;
using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Accounts;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Email;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Tests.Postgres;

/// <summary><see cref="BlockNoticeRuleTests"/>' payout rule on PostgreSQL, where the payout sweep joins each payment to its block.</summary>
public sealed class PostgresBlockNoticeRuleTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const string PoolId = "ltc";

    private readonly ManualClock _clock = new();
    private readonly InMemoryStorage _hangfire = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _hangfire.Dispose();

    [Fact]
    public async Task APayoutIsQueuedForTheAddressSavedBeforeItsBlockAndNotForOneSavedBetweenBlockAndMaturity()
    {
        var (_, contexts) = await PostgresAlertParts.DatabaseAsync(postgres);
        var now = _clock.GetUtcNow();
        var foundAt = now - TimeSpan.FromHours(2);
        var address = MailAppFixture.NewAddress();
        var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using (var db = await contexts.CreateDbContextAsync(Token))
        {
            Save(db, "owner@example.test", address, foundAt - TimeSpan.FromHours(1));
            Save(db, "latecomer@example.test", address, foundAt + TimeSpan.FromHours(1));
            db.Blocks.Add(new FoundBlock
            {
                PoolId = PoolId, Height = 3_300_002, Hash = hash, MinerAddress = address, Reward = 625_000_000,
                Status = BlockStatus.Confirmed, FoundAt = foundAt, UpdatedAt = now,
            });
            db.Payments.Add(new Payment
            {
                PoolId = PoolId, Address = address, Amount = 625_000_000, TransactionId = "ab" + hash[2..], BlockHeight = 3_300_002,
                BlockHash = hash, CreatedAt = now,
            });
            await db.SaveChangesAsync(Token);
        }

        await new PayoutNoticeJob(contexts, PostgresAlertParts.Outbox(contexts, _hangfire, _clock), PostgresAlertParts.Templates(), _clock)
            .RunAsync(Token);

        await using (var db = await contexts.CreateDbContextAsync(Token))
        {
            var notice = Assert.Single(await db.Notifications.ToListAsync(Token));
            Assert.Equal((NotificationKinds.PayoutMatured, "owner@example.test"), (notice.Kind, notice.Recipient));
        }
    }

    private static void Save(ApplicationDbContext db, string email, string address, DateTimeOffset savedAt)
    {
        var user = new ApplicationUser { UserName = email, Email = email };
        db.Users.Add(user);
        db.Wallets.Add(new Wallet { UserId = user.Id, PoolId = PoolId, Address = address, CreatedAt = savedAt });
    }
}
