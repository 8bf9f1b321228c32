using System.Net;
using BitmernSolo.Tests.Api;
using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Admin;

/// <summary>The app with a bootstrap admin, <see cref="ApiSeed"/>'s record, one fake live session and secrets in its configuration.</summary>
public sealed class AdminAreaFixture : WebAppFixture, IAsyncLifetime
{
    public const string AdminEmail = "root@example.com";
    public const string AdminPassword = "Root-Pass-1-secret";
    public const string SmtpPassword = "smtp-secret-value";
    public const string RpcPassword = "rpc-secret-value";
    public const string TlsPassword = "tls-secret-value";

    public FakeSessions Sessions { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Smtp:Password"] = SmtpPassword,
        ["Pools:0:Daemons:0:Password"] = RpcPassword,
        ["Pools:0:Daemons:0:User"] = "rpcuser",
        ["Pools:0:Ports:0:TlsCertificatePassword"] = TlsPassword,
        ["Api:RateLimit:PermitsPerMinute"] = "0",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILiveSessionSource>(Sessions);
        services.AddSingleton<IPoolStatusSource>(new StaticStatus());
    }

    public async ValueTask InitializeAsync()
    {
        Factory.CreateClient().Dispose();
        await ApiSeed.SeedAsync(Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>());
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Two sessions from 198.51.100.0/24 and one from elsewhere; remembers what was disconnected.</summary>
    public sealed class FakeSessions : ILiveSessionSource
    {
        private readonly List<LiveSession> _sessions =
        [
            new("s1", "btc", 3333, ApiSeed.MinerA, "rig1", IPAddress.Parse("198.51.100.7"), "bitaxe/2.4", 10_000, 6.4e12, ApiSeed.Now.AddHours(-3), ApiSeed.Now),
            new("s2", "btc", 3334, ApiSeed.MinerA, "rig2", IPAddress.Parse("198.51.100.8"), "cgminer/4.12", 20_000, 1e12, ApiSeed.Now.AddHours(-2), null),
            new("s3", "ltc", 3350, ApiSeed.LitecoinMiner, "l3", IPAddress.Parse("203.0.113.9"), "L3+", 65_536, 5e8, ApiSeed.Now.AddHours(-1), null),
        ];

        public List<string> Disconnected { get; } = [];

        public IReadOnlyList<LiveSession> GetSessions()
        {
            lock (_sessions)
            {
                return [.. _sessions.Where(s => !Disconnected.Contains(s.Id))];
            }
        }

        public bool Disconnect(string sessionId)
        {
            lock (_sessions)
            {
                if (Disconnected.Contains(sessionId) || _sessions.All(s => s.Id != sessionId))
                {
                    return false;
                }

                Disconnected.Add(sessionId);
                return true;
            }
        }
    }

    private sealed class StaticStatus : IPoolStatusSource
    {
        public IReadOnlyList<PoolRuntimeStatus> Current { get; } =
        [
            new("btc", DaemonState.Synced, null, [new DaemonStatus("http://127.0.0.1:8332/", true, true, 900_000, 11, "/Satoshi:29.0.0/", TimeSpan.FromMilliseconds(4), null)],
                ApiSeed.Now, TimeSpan.FromMilliseconds(2.5)),
        ];
    }
}
