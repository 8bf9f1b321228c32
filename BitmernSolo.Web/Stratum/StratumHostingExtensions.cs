using System.Net;
using System.Security.Cryptography.X509Certificates;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.VarDiff;
using BitmernSolo.Web.Configuration;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Stratum;

public static class StratumHostingExtensions
{
    /// <summary>Configuration section of the connection limits.</summary>
    public const string SectionName = "Stratum";

    /// <summary>
    /// Hosts stratum in Kestrel: every port of every enabled pool (<c>Pools:n:Ports</c>) gets a listener on all interfaces
    /// running <see cref="StratumConnectionHandler"/> (TLS when <c>Tls</c> and <c>TlsCertificate</c> are set). Connection
    /// limits come from the <c>Stratum</c> section (<see cref="StratumServerOptions"/>, every key optional). Each pool's work source must be
    /// registered as a keyed <c>IWorkSource</c> under the pool id; an <c>IPayoutAddressValidator</c> keyed the same way
    /// overrides the coin registry's; an <see cref="IWorkerDifficultyStore"/> registered before this call persists
    /// worker difficulties (default: in memory).
    /// </summary>
    public static WebApplicationBuilder AddStratum(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StratumServerOptions>().BindConfiguration(SectionName);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IConfigureOptions<PoolListOptions>)))
        {
            // Normally bound (and validated) by AddPoolConfiguration; binding twice would append every pool twice.
            builder.Services.AddOptions<PoolListOptions>().Bind(builder.Configuration);
        }
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IWorkerDifficultyStore, InMemoryWorkerDifficultyStore>();
        builder.Services.AddSingleton(sp => new ConnectionGate(
            sp.GetRequiredService<IOptions<StratumServerOptions>>().Value, sp.GetRequiredService<TimeProvider>())
        {
            OperatorBans = sp.GetService<BitmernSolo.Stratum.Bans.IpBanList>(),
        });
        builder.Services.AddSingleton<ShareAggregator>();
        builder.Services.AddSingleton<StratumPoolRegistry>();
        builder.Services.AddSingleton<StratumConnectionHandler>();
        builder.Services.AddHostedService<StratumShutdownService>();

        var ports = (builder.Configuration.Get<PoolListOptions>() ?? new PoolListOptions()).Pools
            .Where(p => p.Enabled).SelectMany(p => p.Ports).ToList();
        if (ports.Count == 0)
        {
            return builder;
        }

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Listening in code makes Kestrel ignore "urls"; keep the web UI's endpoints unless Kestrel:Endpoints configures them.
            if (!context.Configuration.GetSection("Kestrel:Endpoints").Exists())
            {
                ListenOnUrls(kestrel, context.Configuration["urls"] ?? "http://localhost:5000");
            }

            foreach (var port in ports)
            {
                void Configure(ListenOptions listen)
                {
                    if (port.UsesTls())
                    {
                        listen.UseHttps(X509CertificateLoader.LoadPkcs12FromFile(port.TlsCertificate!, port.TlsCertificatePassword));
                    }

                    listen.UseConnectionHandler<StratumConnectionHandler>();
                }

                kestrel.ListenAnyIP(port.Port, Configure);
            }
        });
        return builder;
    }

    private static void ListenOnUrls(KestrelServerOptions kestrel, string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            Action<ListenOptions> https = uri.Scheme == Uri.UriSchemeHttps ? l => l.UseHttps() : _ => { };
            if (uri.Host is "localhost")
            {
                kestrel.ListenLocalhost(uri.Port, https);
            }
            else if (uri.Host is "0.0.0.0")
            {
                kestrel.ListenAnyIP(uri.Port, https);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, https);
            }
        }
    }
}
