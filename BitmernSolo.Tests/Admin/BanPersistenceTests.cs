using System.Net;
using System.Security.Claims;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Bans;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Bans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Admin;

/// <summary>
/// Bans outlive the process: the app is started on a SQLite file, a ban is made, the app stops, and a second app on the same
/// file (a restart) refuses the address at the stratum's connection gate.
/// </summary>
public sealed class BanPersistenceTests : IDisposable
{
    private static readonly ClaimsPrincipal Admin = TestPrincipals.Admin();

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ABanFromTheAdminPageHoldsAfterARestartAndTheGateRefusesTheAddress()
    {
        await using (var before = new PoolWebFactory(_data.Path))
        {
            await using var scope = before.Services.CreateAsyncScope();
            var banned = scope.ServiceProvider.GetRequiredService<AdminSessionService>()
                .Ban(Admin, "203.0.113.0/24", TimeSpan.FromHours(1), "scanner");
            Assert.True(banned.Succeeded, banned.Message);
        }

        await using var after = new PoolWebFactory(_data.Path);
        var gate = after.Services.GetRequiredService<ConnectionGate>();
        var admitted = gate.TryEnter(IPAddress.Parse("203.0.113.77"), out var lease);
        lease.Dispose();
        var listed = Assert.Single(after.Services.GetRequiredService<IpBanList>().List());

        Assert.False(admitted);
        Assert.Equal("203.0.113.0/24", listed.Display);
        Assert.Equal("scanner", listed.Reason);
        Assert.Equal("root@example.com", listed.CreatedBy);
        Assert.NotNull(listed.Until);
    }

    [Fact]
    public async Task ALiftedBanAndAnExpiredBanAreNotLoadedAfterARestart()
    {
        await using (var before = new PoolWebFactory(_data.Path))
        {
            await using var scope = before.Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<AdminSessionService>();
            Assert.True(admin.Ban(Admin, "198.51.100.7", null, "lifted later").Succeeded);
            Assert.True(admin.Ban(Admin, "198.51.100.8", TimeSpan.FromDays(1), "kept").Succeeded);
            Assert.True(await before.Services.GetRequiredService<BanSync>().SyncAsync(TestContext.Current.CancellationToken));
            Assert.True(admin.Lift(Admin, "198.51.100.7").Succeeded);

            // A ban that ran out while the pool was down: still in the table until the retention job deletes it.
            await using var db = await before.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>()
                .CreateDbContextAsync(TestContext.Current.CancellationToken);
            var past = DateTimeOffset.UtcNow.AddHours(-2);
            db.Bans.Add(new IpBanRecord { Network = "192.0.2.0/24", Region = "", CreatedAt = past, ExpiresAt = past.AddHours(1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var after = new PoolWebFactory(_data.Path);
        var listed = after.Services.GetRequiredService<IpBanList>().List().Select(b => b.Display).ToList();
        var gate = after.Services.GetRequiredService<ConnectionGate>();

        Assert.Equal(["198.51.100.8"], listed);
        Assert.False(gate.IsBanned(IPAddress.Parse("198.51.100.7")));
        Assert.False(gate.IsBanned(IPAddress.Parse("192.0.2.9")));
        Assert.True(gate.IsBanned(IPAddress.Parse("198.51.100.8")));
    }

    [Fact]
    public async Task AnInvalidShareBanIsSavedAndHoldsAfterARestart()
    {
        var from = IPAddress.Parse("::ffff:203.0.113.9"); // as a dual-stack socket reports an IPv4 peer
        await using (var before = new PoolWebFactory(_data.Path))
        {
            // The call a session makes when its invalid-share ratio is too high (StratumSession.Reject).
            before.Services.GetRequiredService<ConnectionGate>().Ban(from);
            Assert.True(await before.Services.GetRequiredService<BanSync>().SyncAsync(TestContext.Current.CancellationToken));

            await using var db = await before.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>()
                .CreateDbContextAsync(TestContext.Current.CancellationToken);
            var row = Assert.Single(await db.Bans.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal("203.0.113.9/32", row.Network);
            Assert.Equal(IpBan.Automatic, row.CreatedBy);
            Assert.NotNull(row.ExpiresAt);
        }

        await using var after = new PoolWebFactory(_data.Path);
        var gate = after.Services.GetRequiredService<ConnectionGate>();

        Assert.False(gate.TryEnter(from, out var lease));
        lease.Dispose();
        Assert.Equal(IpBan.Automatic, Assert.Single(after.Services.GetRequiredService<IpBanList>().List()).CreatedBy);
    }
}
