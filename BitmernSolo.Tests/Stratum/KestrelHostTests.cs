using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Web.Stratum;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Stratum;

/// <summary>The Web's Kestrel adapter on real loopback sockets: <c>builder.AddStratum()</c> with a pool, a plain and a TLS port.</summary>
public sealed class KestrelHostTests : IAsyncLifetime
{
    private readonly TestWorkSource _work = new();
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"stratum-{Guid.NewGuid():N}.pfx");
    private WebApplication? _app;
    private int _port;
    private int _tlsPort;
    private string _thumbprint = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _port = FreePort();
        _tlsPort = FreePort();
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _thumbprint = certificate.GetCertHashString();
            await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.Sources.Clear(); // only this test's pool, not the appsettings copied next to the tests
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Stratum:HandshakeTimeout"] = "00:00:30",
            ["Pools:0:Id"] = "ltc",
            ["Pools:0:Enabled"] = "true",
            ["Pools:0:Coin"] = "litecoin",
            ["Pools:0:Network"] = "regtest",
            ["Pools:0:Ports:0:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pools:0:Ports:0:Difficulty:Start"] = "0.000001",
            ["Pools:0:Ports:0:Difficulty:Min"] = "0.000000001",
            ["Pools:0:Ports:1:Port"] = _tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pools:0:Ports:1:Tls"] = "true",
            ["Pools:0:Ports:1:TlsCertificate"] = _certificatePath,
            ["Pools:0:Ports:1:TlsCertificatePassword"] = "pw",
            ["Pools:0:Ports:1:Difficulty:Start"] = "0.000001",
            ["Pools:0:Ports:1:Difficulty:Min"] = "0.000000001",
        });
        builder.Services.AddKeyedSingleton<IWorkSource>("ltc", _work);
        builder.Services.AddKeyedSingleton<IPayoutAddressValidator>("ltc", new TestAddressValidator());
        builder.AddStratum();
        _app = builder.Build();
        _work.Publish(clean: true);
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        File.Delete(_certificatePath);
    }

    [Fact]
    public async Task AMinerOnAKestrelPortGetsWorkAndItsSharesAccepted()
    {
        await using var client = await ConnectAsync(tls: false);
        var miner = new TestMiner(client);

        await miner.HandshakeAsBitAxeAsync("ltc1qkestrel.bitaxe", 1e-6);
        await miner.SyncAsync();
        var share = await miner.MineShareAsync(versionBits: 0x2000);

        Assert.True(share.IsTrue(), share.ToString());
    }

    [Fact]
    public async Task AMinerOnATlsPortSpeaksStratumOverTls()
    {
        await using var client = await ConnectAsync(tls: true);
        var miner = new TestMiner(client);

        await miner.HandshakeAsCpuminerAsync("ltc1qkestrel.cpu");
        await miner.SyncAsync();

        Assert.True((await miner.MineShareAsync()).IsTrue());
    }

    [Fact]
    public async Task StoppingTheHostSendsClientReconnectToEverySession()
    {
        var registry = _app!.Services.GetRequiredService<StratumPoolRegistry>();
        await using var client = await ConnectAsync(tls: false);
        await new TestMiner(client).HandshakeAsCpuminerAsync("ltc1qstop");
        Assert.Single(registry.Pools);

        await _app.StopAsync(TestContext.Current.CancellationToken);

        await client.WaitForAsync("client.reconnect");
    }

    [Fact]
    public void EachConfiguredPortMapsToItsPoolOnce()
    {
        var registry = _app!.Services.GetRequiredService<StratumPoolRegistry>();
        var pools = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BitmernSolo.Web.Configuration.PoolListOptions>>().Value;

        Assert.Single(pools.Pools);
        Assert.True(registry.TryGetPort(_tlsPort, out var pool, out var varDiff));
        Assert.Equal("ltc", pool.Settings.PoolId);
        Assert.Equal(65536, pool.Settings.ShareMultiplier);
        Assert.Equal(1e-6, varDiff.StartDifficulty);
    }

    private async Task<StratumTestClient> ConnectAsync(bool tls)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, tls ? _tlsPort : _port, TestContext.Current.CancellationToken);
        Stream stream = tcp.GetStream();
        if (tls)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate?.GetCertHashString() == _thumbprint);
            await ssl.AuthenticateAsClientAsync("localhost");
            stream = ssl;
        }

        return new StratumTestClient(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)), new Owner(tcp, stream));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Owner(TcpClient tcp, Stream stream) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            tcp.Dispose();
        }
    }
}
